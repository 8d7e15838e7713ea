import { requestTarget, signCaller, systemCaller } from "@portal/kit";
import { type EmailAttachment, PDF_FETCH_TIMEOUT_MS } from "../mail/mail-transport.js";

export interface SignedPdfRequest {
  businessId: string;
  documentId: string;
  title: string;
}

/**
 * Where the fully-signed email gets its sealed PDF. Resolves null when there is none to attach (the
 * email still goes out, with its link to the portal); a rejection makes the event retry later.
 */
export type SignedPdfProvider = (request: SignedPdfRequest) => Promise<EmailAttachment | null>;

/** The default: no documents subgraph configured, so the email goes without the PDF. */
export const noSignedPdf: SignedPdfProvider = async () => null;

/** `Website agreement.pdf` → `Website agreement (signed).pdf`: a file name mail clients show as is. */
export function signedPdfFileName(title: string): string {
  const base = title
    .replace(/[^\p{L}\p{N} ._-]+/gu, " ")
    .replace(/\.pdf$/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `${base || "document"} (signed).pdf`;
}

/**
 * Sealed PDFs from the documents subgraph's files endpoint (`GET /files/documents/<id>/signed.pdf`),
 * fetched as a signed platform (`system`) call of the document's business: no code or tables shared.
 * A missing file sends the email without it; any other failure rejects, so the event is retried rather
 * than the signed copy silently left out.
 */
export function documentsSignedPdf(options: { documentsUrl: () => string; portalSecret: string; timeoutMs?: number }): SignedPdfProvider {
  return async ({ businessId, documentId, title }) => {
    const base = options.documentsUrl().replace(/\/graphql$/, "");
    const url = `${base}/files/documents/${encodeURIComponent(documentId)}/signed.pdf`;
    // The signature covers this GET of this path only.
    const response = await fetch(url, {
      headers: signCaller(options.portalSecret, systemCaller(businessId), { method: "GET", path: requestTarget(url) }),
      // A documents that never answers must not hold the email's event forever: the fetch fails and the event is retried.
      signal: AbortSignal.timeout(options.timeoutMs ?? PDF_FETCH_TIMEOUT_MS),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`documents answered ${response.status} for the signed PDF of document ${documentId}`);
    return {
      name: signedPdfFileName(title),
      contentType: "application/pdf",
      contentBase64: Buffer.from(await response.arrayBuffer()).toString("base64"),
    };
  };
}
