import { useId, useState } from "react";

export interface CoverImageEditorProps {
  /** The current cover's address, or none yet. */
  currentUrl: string | null | undefined;
  /** What the cover belongs to, for the image's alternative text ("Current cover of <name>"). */
  ownerName: string;
  /** The sizes and shape it takes, shown under the label. */
  hint: string;
  accept: string;
  /** Card and image classes of the section's styles. */
  className: string;
  imageClassName: string;
  /** Sends the file (with progress from 0 to 1) and says how it went. */
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<{ ok: true } | { ok: false; message: string }>;
  onChanged?: () => void;
}

/** A cover image card: the current image, a file input that uploads with progress, and what happened. */
export function CoverImageEditor({
  currentUrl,
  ownerName,
  hint,
  accept,
  className,
  imageClassName,
  upload,
  onChanged,
}: CoverImageEditorProps) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setStatus("");
    setProgress(0);
    const outcome = await upload(file, setProgress);
    setProgress(null);
    if (outcome.ok) {
      setStatus("Cover image saved.");
      onChanged?.();
    } else setError(outcome.message);
  };
  return (
    <section className={`card ${className}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Cover image</h2>
      {currentUrl ? (
        <img className={imageClassName} src={currentUrl} alt={`Current cover of ${ownerName}`} />
      ) : (
        <p className="hint">No cover image yet.</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>{currentUrl ? "Replace the cover image" : "Choose a cover image"}</label>
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept={accept}
          aria-describedby={`${id}-hint`}
          disabled={progress !== null}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
      </div>
      {progress !== null && (
        <progress value={progress} max={1} aria-label="Uploading the cover image">
          {Math.round(progress * 100)}%
        </progress>
      )}
      <p role="status" className="hint">
        {status}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
