import { useApolloClient, useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { problemOf } from "../../../shared/results";
import { insertComment } from "./feedCache";
import { MentionTextarea } from "./MentionTextarea";
import { CreateCommunityCommentDocument } from "./operations";

interface CommentComposerProps {
  groupId: string;
  postId: string;
  /** The top-level comment this replies to. */
  parentId?: string;
  /** Label of the text box, e.g. "Write a comment", "Reply to Ada". */
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
}

/** A comment or reply box: Enter adds a new line, the button (or Ctrl/⌘+Enter) sends it. */
export function CommentComposer({ groupId, postId, parentId, label, submitLabel, autoFocus, onDone, onCancel }: CommentComposerProps) {
  const id = useId();
  const client = useApolloClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [create, { loading }] = useMutation(CreateCommunityCommentDocument);
  const box = useRef<HTMLTextAreaElement>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() || loading) return;
    setError(null);
    const { data, error: failed } = await create({ variables: { input: { postId, parentId: parentId ?? null, body } } });
    const result = data?.createCommunityComment;
    if (result?.__typename === "CommunityCommentSuccess") {
      insertComment(client.cache, result.comment);
      setBody("");
      setStatus(parentId ? "Reply posted." : "Comment posted.");
      box.current?.focus();
      onDone?.();
      return;
    }
    setError(problemOf(result)?.message ?? failed?.message ?? "Could not post. Please try again.");
  };

  return (
    <form className="comment-composer" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <MentionTextarea
        id={id}
        ref={box}
        groupId={groupId}
        rows={2}
        placeholder={`${label}…`}
        value={body}
        // The reply box opens because the person asked to reply: it takes the focus.
        autoFocus={autoFocus}
        maxLength={5000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onValueChange={setBody}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
          if (event.key === "Escape" && onCancel) onCancel();
        }}
      />
      <div className="comment-composer-actions">
        {onCancel && (
          <button type="button" className="button button-secondary button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-small" disabled={loading || !body.trim()}>
          {loading ? "Posting…" : submitLabel}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </form>
  );
}
