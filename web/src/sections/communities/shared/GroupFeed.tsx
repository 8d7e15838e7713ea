import { useApolloClient, useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CommunityFeedPostFragment, CommunityGroupHeaderFragment, CommunityPostFieldsFragment } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import type { FeedViewer } from "./CommentThread";
import { insertPostIntoFeed } from "./feedCache";
import { CommunityPostFieldsFragment as PostFieldsDocument } from "./fragments";
import { CommunityFeedDocument, CommunityMoreCommentsDocument } from "./operations";
import { PostCard } from "./PostCard";
import { PostComposer } from "./PostComposer";
import { useCommunityFeedLive } from "./useCommunityFeedLive";
import { useViewerReactions, ViewerReactionsProvider } from "./viewerReactions";

const PAGE_SIZE = 10;

interface GroupFeedProps {
  group: CommunityGroupHeaderFragment;
  personId: string | null;
  onGroupUpdated?: () => void;
  /** The member's subscription ended (they left or were removed, or the group was archived). */
  onEnded?: () => void;
}

/**
 * A group's feed as its members see it (staff also get moderation): search, the composer, new
 * posts of others offered as "N new posts" (the list never moves under the reader), pinned posts
 * first, then newest first, loading more as the reader nears the end.
 */
export function GroupFeed(props: GroupFeedProps) {
  return (
    <ViewerReactionsProvider>
      <Feed {...props} />
    </ViewerReactionsProvider>
  );
}

function Feed({ group, personId, onGroupUpdated, onEnded }: GroupFeedProps) {
  const client = useApolloClient();
  const { remember } = useViewerReactions();
  const [search, setSearch] = useState("");
  const searching = useDebouncedValue(search.trim());
  const [pending, setPending] = useState<CommunityPostFieldsFragment[]>([]);
  const feedTop = useRef<HTMLDivElement>(null);
  const viewer: FeedViewer = { personId, canPost: group.viewerCanPost, canModerate: group.viewerCanModerate };

  const onNewPost = useCallback((post: CommunityPostFieldsFragment) => {
    setPending((current) => (current.some((p) => p.id === post.id) ? current : [post, ...current]));
  }, []);
  const { live, ended } = useCommunityFeedLive({ groupId: group.id, viewerId: personId, onNewPost, onGroupUpdated });
  useEffect(() => {
    if (ended) onEnded?.();
  }, [ended, onEnded]);

  const { data, loading, error, refetch, fetchMore } = useQuery(CommunityFeedDocument, {
    variables: { groupId: group.id, first: PAGE_SIZE, search: searching || null },
    notifyOnNetworkStatusChange: true,
  });
  const feed = data?.communityGroup?.feed;
  // Each page brings the caller's own reactions to its posts and comments.
  useEffect(() => {
    if (feed?.viewerReactions) remember(feed.viewerReactions);
  }, [feed?.viewerReactions, remember]);

  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = useCallback(async () => {
    if (!feed?.pageInfo.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: feed.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  }, [feed?.pageInfo.hasNextPage, feed?.pageInfo.endCursor, fetchMore, loadingMore]);

  // Infinite scroll: the next page loads as the end of the list comes near.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [loadMore]);

  const focusPost = (postId: string) =>
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-post-id="${postId}"]`)?.focus(), 50);

  const showPending = () => {
    const posts = [...pending].reverse();
    for (const post of posts) {
      insertPostIntoFeed(client.cache, post);
      // Comments written while the post waited behind the button were not in the feed yet: load them.
      const count = client.cache.readFragment({
        id: client.cache.identify({ __typename: "CommunityPost", id: post.id }),
        fragment: PostFieldsDocument,
        fragmentName: "CommunityPostFields",
      })?.commentCount;
      if (count)
        void client.query({ query: CommunityMoreCommentsDocument, variables: { postId: post.id, first: 10 }, fetchPolicy: "network-only" });
    }
    setPending([]);
    if (searching) setSearch("");
    feedTop.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    // Focus the first new post, so keyboard and screen-reader users land on what arrived.
    const newest = posts[posts.length - 1];
    if (newest) focusPost(newest.id);
  };

  // A post removed while the page is open disappears for members, as it would on a reload; its
  // author and staff keep a placeholder saying what happened.
  const posts = feed
    ? orderFeed(feed.edges.map((edge) => edge.node)).filter(
        (post) => !post.removed || post.author.id === personId || group.viewerCanModerate,
      )
    : [];

  return (
    <div className="community-feed">
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <div role="search" className="community-search">
        <label htmlFor={`feed-search-${group.id}`} className="visually-hidden">
          Search posts in {group.name}
        </label>
        <input
          id={`feed-search-${group.id}`}
          type="search"
          placeholder={`Search ${group.name}`}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {group.viewerCanPost && !searching && <PostComposer groupId={group.id} onPosted={(post) => focusPost(post.id)} />}
      <div ref={feedTop} className="community-new-posts" aria-live="polite">
        {pending.length > 0 && (
          <button type="button" className="button community-new-posts-button" onClick={showPending}>
            <span aria-hidden="true">↑ </span>
            {pending.length === 1 ? "1 new post" : `${pending.length} new posts`}
          </button>
        )}
      </div>
      <QueryState loading={loading && !data} error={error} data={data} loadingLabel="Loading posts…" onRetry={() => void refetch()}>
        {() =>
          !feed ? (
            <p className="empty-state">This group is not available.</p>
          ) : posts.length === 0 ? (
            <p className="empty-state">{searching ? `No posts match “${searching}”.` : "No posts yet. Start the conversation!"}</p>
          ) : (
            <>
              {searching && (
                <p className="hint" aria-live="polite">
                  {feed.totalCount === 1 ? "1 post matches" : `${feed.totalCount} posts match`} “{searching}”.
                </p>
              )}
              <ol className="plain-list community-posts" aria-label={`Posts in ${group.name}`}>
                {posts.map((post) => (
                  <li key={post.id} data-post-id={post.id} tabIndex={-1}>
                    <PostCard post={post} viewer={viewer} />
                  </li>
                ))}
              </ol>
              <div ref={sentinel} />
              {feed.pageInfo.hasNextPage ? (
                <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
                  {loadingMore ? "Loading more posts…" : "Load more posts"}
                </button>
              ) : (
                posts.length > PAGE_SIZE && <p className="hint community-feed-end">You're all caught up.</p>
              )}
            </>
          )
        }
      </QueryState>
    </div>
  );
}

/** Pinned first (last pinned on top), then newest first: a post pinned or unpinned live moves to its place. */
export function orderFeed<T extends Pick<CommunityFeedPostFragment, "pinned" | "pinnedAt" | "createdAt">>(posts: T[]): T[] {
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);
  return [...posts].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (a.pinned) return time(b.pinnedAt) - time(a.pinnedAt);
    return time(b.createdAt) - time(a.createdAt);
  });
}
