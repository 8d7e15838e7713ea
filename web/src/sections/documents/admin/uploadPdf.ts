/** The original PDF of a draft is sent as raw bytes; the server refuses anything over this. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export function originalPdfUrl(documentId: string): string {
  return `/files/documents/documents/${encodeURIComponent(documentId)}/original.pdf`;
}

export type UploadOutcome = { ok: true; pageCount: number } | { ok: false; message: string };

/** Checks done in the browser before anything is sent: the server checks the same again. */
export function checkPdfFile(file: File): string | null {
  const looksLikePdf = file.type === "application/pdf" || (file.type === "" && /\.pdf$/i.test(file.name));
  if (!looksLikePdf) return `${file.name} is not a PDF. Choose a PDF file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_PDF_BYTES) return `${file.name} is ${formatBytes(file.size)}; the limit is 10 MB.`;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Uploads (or replaces) the draft's original PDF. The `application/pdf` content type is what the
 * gateway relays and is the CSRF guard; the session cookie identifies the staff member.
 */
export async function uploadDocumentPdf(documentId: string, file: File): Promise<UploadOutcome> {
  const local = checkPdfFile(file);
  if (local) return { ok: false, message: local };
  let response: Response;
  try {
    response = await fetch(originalPdfUrl(documentId), {
      method: "POST",
      headers: { "content-type": "application/pdf", "x-file-name": safeHeaderValue(file.name) },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const pageCount = isRecord(body) && typeof body.pageCount === "number" ? body.pageCount : 0;
    return { ok: true, pageCount };
  }
  const serverMessage = isRecord(body) && isRecord(body.error) && typeof body.error.message === "string" ? body.error.message : null;
  switch (response.status) {
    case 400:
      return { ok: false, message: serverMessage ?? "The file could not be read as a PDF." };
    case 413:
      return { ok: false, message: serverMessage ?? "The file is too large; the limit is 10 MB." };
    case 415:
      return { ok: false, message: serverMessage ?? "Only PDF files can be uploaded." };
    case 401:
      return { ok: false, message: "Your session has ended. Sign in again, then upload the file." };
    case 403:
      return { ok: false, message: serverMessage ?? "You do not have permission to upload this file." };
    case 404:
      return { ok: false, message: "This document no longer exists." };
    case 409:
      return { ok: false, message: serverMessage ?? "Only drafts can get a new PDF." };
    default:
      return { ok: false, message: serverMessage ?? `The upload failed (HTTP ${response.status}). Please try again.` };
  }
}

/** Header values must be ISO-8859-1: other characters are replaced, the server only keeps it as a label. */
function safeHeaderValue(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, "_");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
