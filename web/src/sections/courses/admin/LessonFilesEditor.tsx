import { useMutation } from "@apollo/client/react";
import { useId, useState } from "react";
import { problemOf } from "../../../shared/results";
import { formatBytes } from "../shared/lessons";
import { DOWNLOAD_TYPES, MAX_DOWNLOAD_BYTES, uploadCourseFile } from "../shared/uploadCourseFile";
import { DeleteCourseLessonFileDocument } from "./courseOperations";

/** A download lesson's files: upload (with progress) through the gateway, open, remove. */
export function LessonFilesEditor({
  lessonId,
  files,
  onChanged,
}: {
  lessonId: string;
  files: { id: string; name: string; size: number; url: string }[];
  onChanged: () => void;
}) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [remove] = useMutation(DeleteCourseLessonFileDocument);
  const upload = async (chosen: File[]) => {
    setError(null);
    setStatus("");
    for (const file of chosen) {
      setProgress(0);
      const outcome = await uploadCourseFile(
        `lessons/${lessonId}/files`,
        file,
        { types: DOWNLOAD_TYPES, maxBytes: MAX_DOWNLOAD_BYTES },
        setProgress,
      );
      if (!outcome.ok) {
        setError(outcome.message);
        break;
      }
      setStatus(`${file.name} uploaded.`);
    }
    setProgress(null);
    onChanged();
  };
  return (
    <section className="card course-files-editor" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Files</h2>
      {files.length === 0 ? (
        <p className="hint">No files yet.</p>
      ) : (
        <ul className="plain-list course-files">
          {files.map((file) => (
            <li key={file.id} className="course-file">
              <a href={file.url} download={file.name}>
                {file.name}
              </a>
              <span className="hint">{formatBytes(file.size)}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={async () => {
                  const result = (await remove({ variables: { id: file.id } })).data?.deleteCourseLessonFile;
                  if (result?.__typename === "CourseLessonSuccess") {
                    setStatus(`${file.name} removed.`);
                    onChanged();
                  } else setError(problemOf(result)?.message ?? "Could not remove the file.");
                }}
              >
                Remove<span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>Add files</label>
        <p className="hint" id={`${id}-hint`}>
          PDF or PNG, JPEG, WebP images, at most 20 MB each.
        </p>
        <input
          id={`${id}-file`}
          type="file"
          multiple
          accept={DOWNLOAD_TYPES.join(",")}
          aria-describedby={`${id}-hint`}
          disabled={progress !== null}
          onChange={(event) => {
            void upload([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
      </div>
      {progress !== null && (
        <progress value={progress} max={1} aria-label="Uploading">
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
