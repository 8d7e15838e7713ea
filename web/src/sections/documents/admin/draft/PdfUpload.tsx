import { useApolloClient } from "@apollo/client/react";
import { useId, useRef, useState, type DragEvent } from "react";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import type { Problem } from "../../../../shared/results";
import { AdminDocumentDocument } from "../documentOperations";
import { checkPdfFile, uploadDocumentPdf } from "../uploadPdf";

interface PdfUploadProps {
  document: AdminDocumentDetailFragment;
  /** A send refusal about the file, shown here. */
  sendProblem: Problem | null;
}

/** Choose or drop the PDF to sign (at most 10 MB); a new file replaces the old one and its pages. */
export function PdfUpload({ document, sendProblem }: PdfUploadProps) {
  const id = useId();
  const client = useApolloClient();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");

  const upload = async (file: File | undefined) => {
    setNotice("");
    setError(null);
    if (!file) return;
    const local = checkPdfFile(file);
    if (local) {
      setError(local);
      return;
    }
    setUploading(file.name);
    try {
      const outcome = await uploadDocumentPdf(document.id, file);
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      await client.query({ query: AdminDocumentDocument, variables: { id: document.id }, fetchPolicy: "network-only" });
      setNotice(`${file.name} uploaded: ${outcome.pageCount === 1 ? "1 page" : `${outcome.pageCount} pages`}.`);
    } finally {
      setUploading(null);
      if (input.current) input.current.value = "";
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (uploading) return;
    void upload(event.dataTransfer.files[0]);
  };

  const shownError = error ?? (sendProblem?.field === "file" || sendProblem?.field === "pdf" ? sendProblem.message : null);
  const hasPdf = document.pageCount > 0;
  return (
    <section className="card" aria-labelledby="document-pdf-title" id="document-pdf">
      <h2 id="document-pdf-title">PDF</h2>
      {hasPdf && (
        <p data-testid="document-file">
          <strong>{document.fileName ?? "document.pdf"}</strong>{" "}
          <span className="hint">({document.pageCount === 1 ? "1 page" : `${document.pageCount} pages`})</span>
          {document.originalPdfUrl && (
            <>
              {" · "}
              <a href={document.originalPdfUrl} download>
                Download
              </a>
            </>
          )}
        </p>
      )}
      <div
        className={`drop-zone ${dragging ? "drop-zone-active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="pdf-drop-zone"
      >
        <p>{hasPdf ? "Drop another PDF here to replace it, or" : "Drop the PDF here, or"}</p>
        <label htmlFor={`${id}-file`} className="button button-secondary">
          {hasPdf ? "Choose another PDF" : "Choose a PDF"}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept="application/pdf,.pdf"
          disabled={uploading !== null}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ""}`}
          onChange={(event) => void upload(event.target.files?.[0])}
        />
        <p id={`${id}-hint`} className="hint">
          PDF only, at most 10 MB.
        </p>
      </div>
      <div aria-live="polite">
        {uploading && (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            Uploading {uploading}…
          </p>
        )}
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
      </div>
      {shownError && (
        <p id={`${id}-error`} className="alert alert-error" role="alert">
          {shownError}
        </p>
      )}
    </section>
  );
}
