import { graphql } from "../../../gql";

/** A person as communities shows them: the same for every reader (from identity's projection). */
export const CommunityPersonFragment = graphql(`
  fragment CommunityPersonFields on CommunityPerson {
    id
    kind
    name
    initials
    avatarUrl
    isStaff
  }
`);

export const CommunityCommentFieldsFragment = graphql(`
  fragment CommunityCommentFields on CommunityComment {
    id
    postId
    groupId
    parentId
    body
    html
    edited
    editedAt
    removed
    removedBy
    createdAt
    author { ...CommunityPersonFields }
    reactions { kind count }
  }
`);

/** A top-level comment with its replies (one level). */
export const CommunityCommentThreadFragment = graphql(`
  fragment CommunityCommentThread on CommunityComment {
    ...CommunityCommentFields
    replies { ...CommunityCommentFields }
  }
`);

/** A post without its comments: what live events carry, so they never replace a loaded thread. */
export const CommunityPostFieldsFragment = graphql(`
  fragment CommunityPostFields on CommunityPost {
    id
    groupId
    title
    body
    html
    pinned
    pinnedAt
    commentsClosed
    edited
    editedAt
    removed
    removedBy
    commentCount
    createdAt
    author { ...CommunityPersonFields }
    images { id url name width height }
    reactions { kind count }
  }
`);

/** A post as the feed shows it: with its first 10 comments and their replies (the rest load on request). */
export const CommunityFeedPostFragment = graphql(`
  fragment CommunityFeedPost on CommunityPost {
    ...CommunityPostFields
    comments(first: 10) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...CommunityCommentThread } }
    }
  }
`);

/** A group's header and what the caller may do in it. */
export const CommunityGroupHeaderFragment = graphql(`
  fragment CommunityGroupHeader on CommunityGroup {
    id
    name
    description
    coverImageUrl
    archived
    archivedAt
    memberCount
    unreadCount
    viewerCanPost
    viewerCanModerate
    membership { groupId notificationLevel lastVisitedAt joinedAt }
  }
`);
