import { useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import type { CommunityGroupHeaderFragment } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { CommunityPostPageDocument, CommunityViewerReactionsDocument } from "./operations";
import { PostCard } from "./PostCard";
import { useCommunityFeedLive } from "./useCommunityFeedLive";
import { useViewerReactions, ViewerReactionsProvider } from "./viewerReactions";

/** One post of a group with its comments, kept live (an email's link opens it). */
export function SinglePost(props: { group: CommunityGroupHeaderFragment; postId: string; personId: string | null }) {
  return (
    <ViewerReactionsProvider>
      <Post {...props} />
    </ViewerReactionsProvider>
  );
}

function Post({ group, postId, personId }: { group: CommunityGroupHeaderFragment; postId: string; personId: string | null }) {
  const client = useApolloClient();
  const { remember } = useViewerReactions();
  const { data, loading, error, refetch } = useQuery(CommunityPostPageDocument, { variables: { postId } });
  const { live } = useCommunityFeedLive({ groupId: group.id, viewerId: personId, onNewPost: () => undefined });
  const post = data?.communityPost;
  const targets = post
    ? [post.id, ...post.comments.edges.flatMap((edge) => [edge.node.id, ...edge.node.replies.map((reply) => reply.id)])]
    : [];
  const targetKey = targets.join(",");
  useEffect(() => {
    if (!targetKey) return;
    void client
      .query({
        query: CommunityViewerReactionsDocument,
        variables: { targetIds: targetKey.split(",").slice(0, 200) },
        fetchPolicy: "network-only",
      })
      .then((result) => remember(result.data?.communityViewerReactions ?? []));
  }, [targetKey, client, remember]);
  // An email's link may name a comment (`#comment-<id>`): bring it into view once the thread is there.
  const loaded = Boolean(post);
  useEffect(() => {
    if (!loaded || !window.location.hash.startsWith("#comment-")) return;
    const target = document.getElementById(window.location.hash.slice(1));
    target?.scrollIntoView({ block: "center" });
    target?.focus({ preventScroll: true });
  }, [loaded]);
  return (
    <div className="community-feed">
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the post…" onRetry={() => void refetch()}>
        {({ communityPost }) =>
          communityPost && communityPost.groupId === group.id ? (
            <PostCard post={communityPost} viewer={{ personId, canPost: group.viewerCanPost, canModerate: group.viewerCanModerate }} />
          ) : (
            <p className="empty-state">This post is no longer available.</p>
          )
        }
      </QueryState>
    </div>
  );
}
