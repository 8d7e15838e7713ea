import { useApolloClient, useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import type { CommunityCommentFieldsFragment, CommunityFeedPostFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { problemOf } from "../../../shared/results";
import { CommentComposer } from "./CommentComposer";
import {
  CommunityMoreCommentsDocument,
  CommunityViewerReactionsDocument,
  DeleteCommunityCommentDocument,
  UpdateCommunityCommentDocument,
} from "./operations";
import { Avatar, Byline } from "./Person";
import { ReactionBar } from "./ReactionBar";
import { useViewerReactions } from "./viewerReactions";

export interface FeedViewer {
  /** The signed-in contact's or staff member's id. */
  personId: string | null;
  canPost: boolean;
  canModerate: boolean;
}

/** A post's comments, oldest first, each with its replies; more on request; the comment box last. */
export function CommentThread({ post, viewer }: { post: CommunityFeedPostFragment; viewer: FeedViewer }) {
  const client = useApolloClient();
  const { remember } = useViewerReactions();
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = post.comments;
  const comments = connection.edges.map((edge) => edge.node);
  const canComment = viewer.canPost && !post.commentsClosed && !post.removed;
  const shown = comments.reduce((sum, comment) => sum + 1 + comment.replies.filter((reply) => !reply.removed).length, 0);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const { data } = await client.query({
        query: CommunityMoreCommentsDocument,
        variables: { postId: post.id, first: 50, after: connection.pageInfo.endCursor },
        fetchPolicy: "network-only",
      });
      const loaded =
        data?.communityPost?.comments.edges.flatMap((edge) => [edge.node.id, ...edge.node.replies.map((reply) => reply.id)]) ?? [];
      if (loaded.length > 0) {
        const mine = await client.query({
          query: CommunityViewerReactionsDocument,
          variables: { targetIds: loaded.slice(0, 200) },
          fetchPolicy: "network-only",
        });
        remember(mine.data?.communityViewerReactions ?? []);
      }
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="comment-thread" aria-label={`Comments on ${post.title ?? "this post"}`}>
      {comments.length > 0 && (
        <ul className="plain-list comment-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} viewer={viewer} canComment={canComment} />
              {(comment.replies.length > 0 || canComment) && (
                <Replies parent={comment} replies={comment.replies} viewer={viewer} canComment={canComment} />
              )}
            </li>
          ))}
        </ul>
      )}
      {connection.pageInfo.hasNextPage && (
        <button type="button" className="button-link" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? "Loading comments…" : `View more comments (${Math.max(0, post.commentCount - shown)} more)`}
        </button>
      )}
      {canComment ? (
        <CommentComposer groupId={post.groupId} postId={post.id} label="Write a comment" submitLabel="Comment" />
      ) : post.commentsClosed && !post.removed ? (
        <p className="hint community-closed">Comments are closed.</p>
      ) : null}
    </section>
  );
}

function Replies({
  parent,
  replies,
  viewer,
  canComment,
}: {
  parent: CommunityCommentFieldsFragment;
  replies: CommunityCommentFieldsFragment[];
  viewer: FeedViewer;
  canComment: boolean;
}) {
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="comment-replies">
      {replies.length > 0 && (
        <ul className="plain-list comment-list" aria-label={`Replies to ${parent.author.name}`}>
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} viewer={viewer} canComment={canComment} />
            </li>
          ))}
        </ul>
      )}
      {canComment &&
        (replying ? (
          <CommentComposer
            groupId={parent.groupId}
            postId={parent.postId}
            parentId={parent.id}
            label={`Reply to ${parent.author.name}`}
            submitLabel="Reply"
            autoFocus
            onCancel={() => {
              setReplying(false);
              requestAnimationFrame(() => replyButton.current?.focus());
            }}
          />
        ) : (
          !parent.removed && (
            <button ref={replyButton} type="button" className="button-link comment-reply-button" onClick={() => setReplying(true)}>
              Reply<span className="visually-hidden"> to {parent.author.name}</span>
            </button>
          )
        ))}
    </div>
  );
}

function CommentItem({
  comment,
  viewer,
  canComment,
}: {
  comment: CommunityCommentFieldsFragment;
  viewer: FeedViewer;
  canComment: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body ?? "");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [update, { loading: saving }] = useMutation(UpdateCommunityCommentDocument);
  const [remove, { loading: removing }] = useMutation(DeleteCommunityCommentDocument);
  const editButton = useRef<HTMLButtonElement>(null);
  const own = viewer.personId !== null && comment.author.id === viewer.personId;

  if (comment.removed) {
    return (
      <article id={`comment-${comment.id}`} tabIndex={-1} className="comment comment-removed" aria-label="Removed comment">
        <p className="hint">
          {comment.removedBy === "MODERATOR" ? "This comment was removed by a moderator." : "This comment was deleted."}
        </p>
      </article>
    );
  }

  const save = async () => {
    setError(null);
    const { data } = await update({ variables: { id: comment.id, body: draft } });
    const result = data?.updateCommunityComment;
    if (result?.__typename === "CommunityCommentSuccess") {
      setEditing(false);
      requestAnimationFrame(() => editButton.current?.focus());
    } else setError(problemOf(result)?.message ?? "Could not save. Please try again.");
  };
  const confirmDelete = async () => {
    const { data } = await remove({ variables: { id: comment.id } });
    const result = data?.deleteCommunityComment;
    setConfirming(false);
    if (result?.__typename !== "CommunityCommentSuccess") setError(problemOf(result)?.message ?? "Could not delete. Please try again.");
    // The comment's placeholder takes the focus the dialog had.
    else window.setTimeout(() => document.getElementById(`comment-${comment.id}`)?.focus(), 50);
  };

  return (
    <article
      id={`comment-${comment.id}`}
      tabIndex={-1}
      className="comment"
      aria-label={`Comment by ${comment.author.name}`}
      data-testid="community-comment"
    >
      <Avatar person={comment.author} size="small" />
      <div className="comment-main">
        <div className="comment-bubble">
          <Byline person={comment.author} at={comment.createdAt} edited={comment.edited} editedAt={comment.editedAt} />
          {editing ? (
            <div className="comment-edit">
              <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
                Edit your comment
              </label>
              <textarea id={`edit-${comment.id}`} rows={3} value={draft} maxLength={5000} onChange={(e) => setDraft(e.target.value)} />
              <div className="comment-composer-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    setEditing(false);
                    setDraft(comment.body ?? "");
                  }}
                >
                  Cancel
                </button>
                <button type="button" className="button button-small" disabled={saving || !draft.trim()} onClick={() => void save()}>
                  {saving ? "Saving…" : "Save"}
                </button>
              </div>
            </div>
          ) : (
            // The server renders Markdown to sanitised HTML: no script, style, event attribute or javascript: URL.
            // HTML sanitised by the communities subgraph
            <div className="community-html" dangerouslySetInnerHTML={{ __html: comment.html ?? "" }} />
          )}
        </div>
        <div className="comment-footer">
          <ReactionBar
            target={{ typename: "CommunityComment", id: comment.id }}
            reactions={comment.reactions}
            canReact={canComment}
            noun="comment"
          />
          {!editing && (own || viewer.canModerate) && (
            <div className="comment-actions">
              {own && (
                <button
                  ref={editButton}
                  type="button"
                  className="button-link"
                  onClick={() => {
                    setDraft(comment.body ?? "");
                    setEditing(true);
                  }}
                >
                  Edit<span className="visually-hidden"> your comment</span>
                </button>
              )}
              <button type="button" className="button-link button-link-danger" onClick={() => setConfirming(true)}>
                Delete<span className="visually-hidden"> {own ? "your comment" : `comment by ${comment.author.name}`}</span>
              </button>
            </div>
          )}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          open
          title="Delete this comment?"
          confirmLabel="Delete comment"
          danger
          busy={removing}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setConfirming(false)}
        >
          <p>{own ? "Replies to it stay." : "Its author will see it was removed by a moderator. Replies to it stay."}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
