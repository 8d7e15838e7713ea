import { graphql } from "../../../gql";

/** A group's feed page: pinned posts first, then newest first; the caller's own reactions come with it. */
export const CommunityFeedDocument = graphql(`
  query CommunityFeed($groupId: ID!, $first: Int, $after: String, $search: String) {
    communityGroup(id: $groupId) {
      id
      feed(first: $first, after: $after, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        viewerReactions { targetId kinds }
        edges { cursor node { ...CommunityFeedPost } }
      }
    }
  }
`);

/** More of a post's comments (oldest first), merged into the post's thread. */
export const CommunityMoreCommentsDocument = graphql(`
  query CommunityMoreComments($postId: ID!, $first: Int, $after: String) {
    communityPost(id: $postId) {
      id
      comments(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...CommunityCommentThread } }
      }
    }
  }
`);

export const CommunityViewerReactionsDocument = graphql(`
  query CommunityViewerReactions($targetIds: [ID!]!) {
    communityViewerReactions(targetIds: $targetIds) { targetId kinds }
  }
`);

export const CommunityPostReactorsDocument = graphql(`
  query CommunityPostReactors($postId: ID!) {
    communityPost(id: $postId) {
      id
      reactors(first: 50) {
        totalCount
        edges { node { kind reactedAt person { ...CommunityPersonFields } } }
      }
    }
  }
`);

export const CreateCommunityPostDocument = graphql(`
  mutation CreateCommunityPost($input: CreateCommunityPostInput!) {
    createCommunityPost(input: $input) {
      __typename
      ... on CommunityPostSuccess { post { ...CommunityPostFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const UpdateCommunityPostDocument = graphql(`
  mutation UpdateCommunityPost($id: ID!, $input: UpdateCommunityPostInput!) {
    updateCommunityPost(id: $id, input: $input) {
      __typename
      ... on CommunityPostSuccess { post { ...CommunityPostFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const DeleteCommunityPostDocument = graphql(`
  mutation DeleteCommunityPost($id: ID!) {
    deleteCommunityPost(id: $id) {
      __typename
      ... on CommunityPostSuccess { post { ...CommunityPostFields } }
      ... on UserError { message }
    }
  }
`);

export const PinCommunityPostDocument = graphql(`
  mutation PinCommunityPost($id: ID!, $pinned: Boolean!) {
    pinCommunityPost(id: $id, pinned: $pinned) {
      __typename
      ... on CommunityPostSuccess { post { ...CommunityPostFields } }
      ... on UserError { message }
    }
  }
`);

export const SetCommunityPostCommentsClosedDocument = graphql(`
  mutation SetCommunityPostCommentsClosed($id: ID!, $closed: Boolean!) {
    setCommunityPostCommentsClosed(id: $id, closed: $closed) {
      __typename
      ... on CommunityPostSuccess { post { ...CommunityPostFields } }
      ... on UserError { message }
    }
  }
`);

export const CreateCommunityCommentDocument = graphql(`
  mutation CreateCommunityComment($input: CreateCommunityCommentInput!) {
    createCommunityComment(input: $input) {
      __typename
      ... on CommunityCommentSuccess { comment { ...CommunityCommentThread } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const UpdateCommunityCommentDocument = graphql(`
  mutation UpdateCommunityComment($id: ID!, $body: String!) {
    updateCommunityComment(id: $id, body: $body) {
      __typename
      ... on CommunityCommentSuccess { comment { ...CommunityCommentFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const DeleteCommunityCommentDocument = graphql(`
  mutation DeleteCommunityComment($id: ID!) {
    deleteCommunityComment(id: $id) {
      __typename
      ... on CommunityCommentSuccess { comment { ...CommunityCommentFields } }
      ... on UserError { message }
    }
  }
`);

export const AddCommunityReactionDocument = graphql(`
  mutation AddCommunityReaction($input: CommunityReactionInput!) {
    addCommunityReaction(input: $input) {
      __typename
      ... on CommunityReactionSuccess { targetId viewerKinds reactions { kind count } }
      ... on UserError { message }
    }
  }
`);

export const RemoveCommunityReactionDocument = graphql(`
  mutation RemoveCommunityReaction($input: CommunityReactionInput!) {
    removeCommunityReaction(input: $input) {
      __typename
      ... on CommunityReactionSuccess { targetId viewerKinds reactions { kind count } }
      ... on UserError { message }
    }
  }
`);

export const ReportCommunityPostDocument = graphql(`
  mutation ReportCommunityPost($input: ReportCommunityPostInput!) {
    reportCommunityPost(input: $input) {
      __typename
      ... on CommunityReportSuccess { report { id status } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

/** A group's header and what the caller may do there. */
export const CommunityGroupDocument = graphql(`
  query CommunityGroup($id: ID!) {
    communityGroup(id: $id) { ...CommunityGroupHeader }
  }
`);

/** One post with its thread (an email's link), and the caller's own reactions to it. */
export const CommunityPostPageDocument = graphql(`
  query CommunityPostPage($postId: ID!) {
    communityPost(id: $postId) { ...CommunityFeedPost }
  }
`);
