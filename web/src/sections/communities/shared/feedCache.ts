import type { ApolloCache, Reference } from "@apollo/client";
import type {
  CommunityCommentThreadFragment,
  CommunityFeedPostFragment as FeedPost,
  CommunityPostFieldsFragment,
  CommunityReactionKind,
} from "../../../gql/graphql";
import {
  CommunityCommentThreadFragment as CommentThreadDocument,
  CommunityFeedPostFragment,
  CommunityPostFieldsFragment as PostFieldsDocument,
} from "./fragments";

interface StoredEdge {
  __typename?: string;
  cursor: string;
  node: Reference;
}
interface StoredConnection {
  edges: StoredEdge[];
  totalCount?: number;
  [key: string]: unknown;
}

/**
 * Puts a post at the top of the group's feed (below the pinned posts), unless it is there already:
 * the caller's own new post, or the new posts of others once the reader asks to see them. Search
 * results are left alone. Returns whether it was added.
 */
export function insertPostIntoFeed(cache: ApolloCache, post: CommunityPostFieldsFragment): boolean {
  const postId = cache.identify({ __typename: "CommunityPost", id: post.id });
  const groupId = cache.identify({ __typename: "CommunityGroup", id: post.groupId });
  if (!postId || !groupId) return false;
  const hasComments = cache.readFragment({
    id: postId,
    fragment: CommunityFeedPostFragment,
    fragmentName: "CommunityFeedPost",
  });
  if (!hasComments) {
    // The post as the cache has it now (a later edit or count wins over the event that announced it).
    const current = cache.readFragment({ id: postId, fragment: PostFieldsDocument, fragmentName: "CommunityPostFields" }) ?? post;
    cache.writeFragment({
      id: postId,
      fragment: CommunityFeedPostFragment,
      fragmentName: "CommunityFeedPost",
      // Typenames included: the cache needs them even though the generated types leave them out.
      data: {
        ...current,
        __typename: "CommunityPost",
        comments: {
          __typename: "CommunityCommentConnection",
          totalCount: 0,
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
          edges: [],
        },
      } as FeedPost,
    });
  }
  let added = false;
  cache.modify<{ feed: StoredConnection }>({
    id: groupId,
    fields: {
      feed(existing, { storeFieldName, readField, toReference }) {
        const connection = existing as unknown as StoredConnection | undefined;
        if (!connection?.edges || storeFieldName.includes('"search":"')) return existing;
        if (connection.edges.some((edge) => readField("id", edge.node) === post.id)) return existing;
        const ref = toReference(postId);
        if (!ref) return existing;
        const firstUnpinned = connection.edges.findIndex((edge) => !readField("pinned", edge.node));
        const at = firstUnpinned === -1 ? connection.edges.length : firstUnpinned;
        const edges = [...connection.edges];
        edges.splice(at, 0, { __typename: "CommunityPostEdge", cursor: "", node: ref });
        added = true;
        return {
          ...connection,
          edges,
          totalCount: (connection.totalCount ?? 0) + 1,
        } as unknown as typeof existing;
      },
    },
  });
  return added;
}

/** Whether the post is in the loaded feed (any page). */
export function feedHasPost(cache: ApolloCache, groupId: string, postId: string): boolean {
  const id = cache.identify({ __typename: "CommunityGroup", id: groupId });
  let found = false;
  if (!id) return false;
  cache.modify<{ feed: StoredConnection }>({
    id,
    fields: {
      feed(existing, { readField, storeFieldName }) {
        const connection = existing as unknown as StoredConnection | undefined;
        if (!storeFieldName.includes('"search":"') && connection?.edges?.some((edge) => readField("id", edge.node) === postId))
          found = true;
        return existing;
      },
    },
    broadcast: false,
  });
  return found;
}

/**
 * Adds a comment to its post's thread (top level, at the end: oldest first) or a reply to its
 * comment's replies, unless it is there already (the caller's own comment comes back live too).
 */
export function insertComment(cache: ApolloCache, comment: CommunityCommentThreadFragment): void {
  const commentId = cache.identify({ __typename: "CommunityComment", id: comment.id });
  if (!commentId) return;
  cache.writeFragment({
    id: commentId,
    fragment: CommentThreadDocument,
    fragmentName: "CommunityCommentThread",
    data: { ...comment, __typename: "CommunityComment", replies: comment.replies ?? [] } as CommunityCommentThreadFragment,
  });
  if (comment.parentId) {
    const parent = cache.identify({ __typename: "CommunityComment", id: comment.parentId });
    if (!parent) return;
    cache.modify<{ replies: Reference[] }>({
      id: parent,
      fields: {
        replies(existing, { readField, toReference }) {
          const list = (existing ?? []) as unknown as Reference[];
          if (list.some((ref) => readField("id", ref) === comment.id)) return existing;
          const ref = toReference(commentId);
          return (ref ? [...list, ref] : list) as unknown as typeof existing;
        },
      },
    });
    return;
  }
  const post = cache.identify({ __typename: "CommunityPost", id: comment.postId });
  if (!post) return;
  cache.modify<{ comments: StoredConnection }>({
    id: post,
    fields: {
      comments(existing, { readField, toReference }) {
        const connection = existing as unknown as StoredConnection | undefined;
        if (!connection?.edges) return existing;
        if (connection.edges.some((edge) => readField("id", edge.node) === comment.id)) return existing;
        const ref = toReference(commentId);
        if (!ref) return existing;
        return {
          ...connection,
          edges: [...connection.edges, { __typename: "CommunityCommentEdge", cursor: "", node: ref }],
          totalCount: (connection.totalCount ?? 0) + 1,
        } as unknown as typeof existing;
      },
    },
  });
}

/** A post's or comment's counts after a reaction (live, or the caller's own). */
export function setReactionCounts(
  cache: ApolloCache,
  target: { typename: "CommunityPost" | "CommunityComment"; id: string },
  reactions: { kind: CommunityReactionKind; count: number }[],
): void {
  const id = cache.identify({ __typename: target.typename, id: target.id });
  if (!id) return;
  const counts = reactions.map((r) => ({ __typename: "CommunityReactionCount", kind: r.kind, count: r.count }));
  cache.modify({ id, fields: { reactions: () => counts } });
}
