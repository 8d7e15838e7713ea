import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState } from "react";
import type { CommunityFeedPostFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { problemOf } from "../../../shared/results";
import { CommentThread, type FeedViewer } from "./CommentThread";
import { AddImagesButton, ImageUploadList, useImageUploads } from "./ImageUploads";
import {
  DeleteCommunityPostDocument,
  PinCommunityPostDocument,
  ReportCommunityPostDocument,
  SetCommunityPostCommentsClosedDocument,
  UpdateCommunityPostDocument,
} from "./operations";
import { Avatar, Byline } from "./Person";
import { ReactionBar } from "./ReactionBar";

/** One post of a feed: byline, title, the server's sanitised HTML, images, reactions, actions, comments. */
export function PostCard({ post, viewer }: { post: CommunityFeedPostFragment; viewer: FeedViewer }) {
  const titleId = useId();
  const own = viewer.personId !== null && post.author.id === viewer.personId;
  const [editing, setEditing] = useState(false);

  if (post.removed) {
    return (
      <article className="card community-post community-post-removed" aria-label="Removed post" data-testid="community-post">
        <p className="hint">
          {post.removedBy === "MODERATOR"
            ? own
              ? "Your post was removed by a moderator."
              : "This post was removed by a moderator."
            : "This post was deleted."}
        </p>
      </article>
    );
  }

  const heading = post.title || `Post by ${post.author.name}`;
  return (
    <article
      className={`card community-post ${post.pinned ? "community-post-pinned" : ""}`}
      aria-labelledby={titleId}
      data-testid="community-post"
    >
      <header className="community-post-header">
        <Avatar person={post.author} />
        <div>
          <Byline person={post.author} at={post.createdAt} edited={post.edited} editedAt={post.editedAt} />
          {(post.pinned || post.commentsClosed) && (
            <p className="community-post-flags">
              {post.pinned && <span className="badge community-pinned-badge">Pinned</span>}
              {post.commentsClosed && <span className="badge">Comments closed</span>}
            </p>
          )}
        </div>
      </header>
      <h2 id={titleId} className={post.title ? "community-post-title" : "visually-hidden"}>
        {heading}
      </h2>
      {editing ? (
        <PostEditor post={post} onClose={() => setEditing(false)} />
      ) : (
        // HTML sanitised by the communities subgraph (no script, style, event attribute or javascript: URL)
        <div className="community-html" dangerouslySetInnerHTML={{ __html: post.html ?? "" }} />
      )}
      {!editing && post.images.length > 0 && (
        <div className={`community-images community-images-${Math.min(post.images.length, 4)}`}>
          {post.images.map((image) => (
            <a key={image.id} href={image.url} target="_blank" rel="noreferrer" className="community-image-link">
              <img src={image.url} alt={image.name} width={image.width || undefined} height={image.height || undefined} loading="lazy" />
            </a>
          ))}
        </div>
      )}
      <div className="community-post-footer">
        <ReactionBar target={{ typename: "CommunityPost", id: post.id }} reactions={post.reactions} canReact={viewer.canPost} noun="post" />
        <span className="hint">{post.commentCount === 1 ? "1 comment" : `${post.commentCount} comments`}</span>
      </div>
      {!editing && <PostActions post={post} own={own} viewer={viewer} onEdit={() => setEditing(true)} />}
      <CommentThread post={post} viewer={viewer} />
    </article>
  );
}

function PostEditor({ post, onClose }: { post: CommunityFeedPostFragment; onClose: () => void }) {
  const id = useId();
  const [title, setTitle] = useState(post.title ?? "");
  const [body, setBody] = useState(post.body ?? "");
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateCommunityPostDocument);
  const uploads = useImageUploads(post.groupId, post.images);
  const save = async () => {
    setError(null);
    const { data } = await update({ variables: { id: post.id, input: { title: title.trim() || null, body, imageIds: uploads.imageIds } } });
    const result = data?.updateCommunityPost;
    if (result?.__typename === "CommunityPostSuccess") onClose();
    else setError(problemOf(result)?.message ?? "Could not save. Please try again.");
  };
  return (
    <div className="community-post-editor">
      <div className="field">
        <label htmlFor={`${id}-title`}>Title (optional)</label>
        <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Post</label>
        {/* biome-ignore lint/a11y/noAutofocus: editing was just asked for */}
        <textarea id={`${id}-body`} rows={6} value={body} maxLength={20000} autoFocus onChange={(e) => setBody(e.target.value)} />
      </div>
      <ImageUploadList uploads={uploads} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <AddImagesButton uploads={uploads} />
        <span className="composer-spacer" />
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" disabled={loading || uploads.uploading || !body.trim()} onClick={() => void save()}>
          {loading ? "Saving…" : uploads.uploading ? "Uploading…" : "Save changes"}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {uploads.status}
      </span>
    </div>
  );
}

function PostActions({
  post,
  own,
  viewer,
  onEdit,
}: {
  post: CommunityFeedPostFragment;
  own: boolean;
  viewer: FeedViewer;
  onEdit: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [remove, { loading: removing }] = useMutation(DeleteCommunityPostDocument);
  const [pin, { loading: pinning }] = useMutation(PinCommunityPostDocument);
  const [close, { loading: closing }] = useMutation(SetCommunityPostCommentsClosedDocument);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  const label = post.title ? `“${post.title}”` : `post by ${post.author.name}`;

  const outcome = (result: { __typename: string } | null | undefined, done: string) => {
    const problem = problemOf(result as never);
    if (problem || !result) setError(problem?.message ?? "Something went wrong. Please try again.");
    else {
      setError(null);
      setMessage(done);
    }
  };

  const canReport = !own && !viewer.canModerate && viewer.canPost;
  if (!own && !viewer.canModerate && !canReport) return null;
  return (
    <div className="community-post-actions">
      <div className="community-action-row" role="group" aria-label={`Actions for ${label}`}>
        {own && (
          <button type="button" className="button button-secondary button-small" onClick={onEdit}>
            Edit<span className="visually-hidden"> {label}</span>
          </button>
        )}
        {viewer.canModerate && (
          <>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={pinning}
              onClick={async () =>
                outcome(
                  (await pin({ variables: { id: post.id, pinned: !post.pinned } })).data?.pinCommunityPost,
                  post.pinned ? "Unpinned." : "Pinned to the top of the feed.",
                )
              }
            >
              {post.pinned ? "Unpin" : "Pin"}
              <span className="visually-hidden"> {label}</span>
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={closing}
              onClick={async () =>
                outcome(
                  (await close({ variables: { id: post.id, closed: !post.commentsClosed } })).data?.setCommunityPostCommentsClosed,
                  post.commentsClosed ? "Comments are open again." : "Comments are closed.",
                )
              }
            >
              {post.commentsClosed ? "Open comments" : "Close comments"}
              <span className="visually-hidden"> on {label}</span>
            </button>
          </>
        )}
        {(own || viewer.canModerate) && (
          <button
            ref={deleteButton}
            type="button"
            className="button button-secondary button-small button-danger-text"
            onClick={() => setConfirming(true)}
          >
            Delete<span className="visually-hidden"> {label}</span>
          </button>
        )}
        {canReport && !reporting && (
          <button ref={reportButton} type="button" className="button button-secondary button-small" onClick={() => setReporting(true)}>
            Report<span className="visually-hidden"> {label}</span>
          </button>
        )}
      </div>
      {reporting && (
        <ReportForm
          postId={post.id}
          onDone={(done) => {
            setReporting(false);
            if (done) setMessage("Thank you. The team will review this post.");
            requestAnimationFrame(() => reportButton.current?.focus());
          }}
        />
      )}
      <div aria-live="polite">{message && <p className="hint">{message}</p>}</div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title="Delete this post?"
          confirmLabel="Delete post"
          danger
          busy={removing}
          onConfirm={async () => {
            const result = (await remove({ variables: { id: post.id } })).data?.deleteCommunityPost;
            setConfirming(false);
            outcome(result, "Post deleted.");
            // The post's place in the feed takes the focus the dialog had.
            window.setTimeout(() => document.querySelector<HTMLElement>(`[data-post-id="${post.id}"]`)?.focus(), 50);
          }}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => deleteButton.current?.focus());
          }}
        >
          <p>{own ? "Its comments and images go with it." : "Its author will see it was removed by a moderator."}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ReportForm({ postId, onDone }: { postId: string; onDone: (reported: boolean) => void }) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [report, { loading }] = useMutation(ReportCommunityPostDocument);
  const submit = async () => {
    const result = (await report({ variables: { input: { postId, reason } } })).data?.reportCommunityPost;
    if (result?.__typename === "CommunityReportSuccess") onDone(true);
    else setError(problemOf(result)?.message ?? "Could not send the report. Please try again.");
  };
  return (
    <form
      className="community-report-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={id}>Why are you reporting this post?</label>
        {/* biome-ignore lint/a11y/noAutofocus: the form opens because the person asked to report */}
        <textarea id={id} rows={3} maxLength={1000} value={reason} autoFocus required onChange={(e) => setReason(e.target.value)} />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-secondary button-small" onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="submit" className="button button-small" disabled={loading || !reason.trim()}>
          {loading ? "Sending…" : "Send report"}
        </button>
      </div>
    </form>
  );
}
