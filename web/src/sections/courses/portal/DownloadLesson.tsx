import { formatBytes } from "../shared/lessons";

interface DownloadContent {
  html: string;
  files: { id: string; name: string; contentType: string; size: number; url: string }[];
}

/** A downloads lesson: the files through the gateway; downloading one completes the lesson. */
export function DownloadLesson({
  content,
  completed,
  onDownloaded,
}: {
  content: DownloadContent;
  completed: boolean;
  onDownloaded: () => void;
}) {
  // The download itself records the completion on the server; the page reads the lesson again once it has started.
  const downloaded = () => window.setTimeout(onDownloaded, 1500);
  return (
    <>
      {content.html && <div className="course-html" dangerouslySetInnerHTML={{ __html: content.html }} />}
      {content.files.length === 0 ? (
        <p className="empty-state">No files yet.</p>
      ) : (
        <ul className="plain-list course-files" aria-label="Files">
          {content.files.map((file) => (
            <li key={file.id} className="course-file">
              <span className="course-file-icon" aria-hidden="true">
                ⤓
              </span>
              <a href={file.url} download={file.name} onClick={downloaded}>
                {file.name}
              </a>
              <span className="hint">{formatBytes(file.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {!completed && content.files.length > 0 && <p className="hint">Download a file to complete this lesson.</p>}
    </>
  );
}
