import { useApolloClient, useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import type { CommunityPostFieldsFragment } from "../../../gql/graphql";
import { messageFor, problemOf, type Problem } from "../../../shared/results";
import { insertPostIntoFeed } from "./feedCache";
import { MarkdownPreview } from "./markdownPreview";
import { MentionTextarea } from "./MentionTextarea";
import { CreateCommunityPostDocument } from "./operations";
import { AddImagesButton, ImageUploadList, useImageUploads } from "./ImageUploads";

/**
 * Write a post: optional title, Markdown body with a preview, up to four images uploaded as they are
 * chosen (with progress). The new post goes to the top of the feed at once.
 */
export function PostComposer({ groupId, onPosted }: { groupId: string; onPosted?: (post: CommunityPostFieldsFragment) => void }) {
  const id = useId();
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const uploads = useImageUploads(groupId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const [create, { loading }] = useMutation(CreateCommunityPostDocument);
  const bodyBox = useRef<HTMLTextAreaElement>(null);
  const { uploading } = uploads;

  const reset = () => {
    uploads.reset();
    setTitle("");
    setBody("");
    setTab("write");
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || uploading) return;
    const { imageIds } = uploads;
    const { data, error } = await create({ variables: { input: { groupId, title: title.trim() || null, body, imageIds } } });
    const result = data?.createCommunityPost;
    if (result?.__typename === "CommunityPostSuccess") {
      insertPostIntoFeed(client.cache, result.post);
      reset();
      setOpen(false);
      setStatus("Your post is published.");
      onPosted?.(result.post);
      return;
    }
    setProblem(problemOf(result) ?? { kind: "Error", message: error?.message ?? "Could not publish. Please try again." });
  };

  if (!open) {
    return (
      <div className="card community-composer community-composer-closed">
        <button
          type="button"
          className="community-composer-prompt"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => bodyBox.current?.focus());
          }}
        >
          Start a post…
        </button>
        <span className="visually-hidden" role="status">
          {status}
        </span>
      </div>
    );
  }

  const bodyError = messageFor(problem, "body");
  const titleError = messageFor(problem, "title");
  const general = problem && !bodyError && !titleError ? problem.message : null;
  return (
    <form className="card community-composer" onSubmit={(event) => void submit(event)} aria-label="New post">
      <div className="field">
        <label htmlFor={`${id}-title`}>Title (optional)</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={titleError ? true : undefined}
        />
        {titleError && <p className="field-error">{titleError}</p>}
      </div>
      <div className="composer-tabs" role="tablist" aria-label="Post body">
        {(["write", "preview"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                const next = name === "write" ? "preview" : "write";
                setTab(next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }
            }}
          >
            {name === "write" ? "Write" : "Preview"}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel-write`} aria-labelledby={`${id}-tab-write`} hidden={tab !== "write"} className="field">
        <label htmlFor={`${id}-body`} className="visually-hidden">
          Post
        </label>
        <MentionTextarea
          id={`${id}-body`}
          ref={bodyBox}
          groupId={groupId}
          rows={5}
          maxLength={20000}
          placeholder="Share something with the group…"
          value={body}
          onValueChange={setBody}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${id}-body-hint`}
        />
        <p id={`${id}-body-hint`} className="hint">
          Markdown works: **bold**, *italic*, lists, links. Mention a member with @Name.
        </p>
        {bodyError && <p className="field-error">{bodyError}</p>}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-preview`}
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== "preview"}
        className="community-preview community-html"
        // a tab panel is focusable so its content can be reached
        tabIndex={0}
      >
        {title.trim() && <p className="community-post-title">{title}</p>}
        <MarkdownPreview source={body} />
      </div>
      <ImageUploadList uploads={uploads} />
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      <div className="composer-actions">
        <AddImagesButton uploads={uploads} />
        <span className="composer-spacer" />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            reset();
            setOpen(false);
          }}
        >
          Cancel
        </button>
        <button type="submit" className="button" disabled={loading || uploading || !body.trim()}>
          {loading ? "Publishing…" : uploading ? "Uploading…" : "Publish"}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {uploads.status}
      </span>
    </form>
  );
}
