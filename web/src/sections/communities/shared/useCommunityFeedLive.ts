import { useSubscription } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../../gql";
import type { CommunityPostFieldsFragment } from "../../../gql/graphql";
import { useResubscribeOnError } from "../../../shared/useResubscribeOnError";
import { feedHasPost, insertComment, setReactionCounts } from "./feedCache";

const CommunityFeedChangedDocument = graphql(`
  subscription CommunityFeedChanged($groupId: ID!) {
    communityFeedChanged(groupId: $groupId) {
      kind
      groupId
      postId
      commentId
      post { ...CommunityPostFields }
      comment { ...CommunityCommentThread }
      reactions { kind count }
    }
  }
`);

interface FeedLiveOptions {
  groupId: string;
  /** The signed-in person's id: their own new posts are already in the feed. */
  viewerId: string | null;
  /** A post by someone else arrived: the feed offers it ("N new posts") instead of moving under the reader. */
  onNewPost: (post: CommunityPostFieldsFragment) => void;
  /** The group itself changed (name, cover, archived). */
  onGroupUpdated?: () => void;
}

/**
 * A group's feed as it changes. Edits, pins, closed comments and removals update the post in place
 * through the normalised cache; new comments and replies join their thread; reaction counts
 * change in place (the caller's own reactions are kept apart: events carry only counts). New posts
 * by others are handed to `onNewPost`. The subscription ends when the member leaves or is removed.
 */
export function useCommunityFeedLive({ groupId, viewerId, onNewPost, onGroupUpdated }: FeedLiveOptions): { live: boolean; ended: boolean } {
  const [ended, setEnded] = useState(false);
  const { error, restart } = useSubscription(CommunityFeedChangedDocument, {
    variables: { groupId },
    // The server ends it (without an error) when the member leaves, is removed or the group is archived.
    onComplete: () => setEnded(true),
    onData: ({ client, data: result }) => {
      const event = result.data?.communityFeedChanged;
      if (!event) return;
      const cache = client.cache;
      switch (event.kind) {
        case "POST_CREATED":
          if (event.post && event.post.author.id !== viewerId && !feedHasPost(cache, event.groupId, event.post.id)) onNewPost(event.post);
          break;
        case "COMMENT_CREATED":
          if (event.comment) insertComment(cache, event.comment);
          break;
        case "REACTIONS_CHANGED":
          if (event.reactions) {
            if (event.commentId) setReactionCounts(cache, { typename: "CommunityComment", id: event.commentId }, event.reactions);
            else if (event.postId) setReactionCounts(cache, { typename: "CommunityPost", id: event.postId }, event.reactions);
          }
          break;
        case "GROUP_UPDATED":
          onGroupUpdated?.();
          break;
        default:
          // Edits, removals, pins and closed comments: the post or comment in the event is already
          // written to the cache, where every screen showing it reads it.
          break;
      }
    },
  });
  useResubscribeOnError(error, restart);
  return { live: !error, ended: ended && !error };
}
