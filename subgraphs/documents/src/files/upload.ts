import { sql, type EntityManager, type FileRequest, type FileResponse } from "@portal/kit";
import { createHash } from "node:crypto";
import { withLockedDocument } from "../documents/document-store.js";
import { dropFieldsBeyond } from "../documents/draft.service.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { inspectPdf, PdfRejectedError } from "../pdf/index.js";

const fileError = (status: number, message: string): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify({ error: { field: "file", message } })),
});

/** The name offered later for download; the client may percent-encode it (headers are ASCII). */
export function cleanFileName(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return null;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  name = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 200);
  return name || null;
}

/**
 * A draft's PDF: `content-type: application/pdf` (else 415), a PDF that opens, is not encrypted and
 * has 1 to MAX_PAGES pages (else 400 naming `file`). Replacing it drops fields beyond the new last page.
 */
export async function uploadOriginal(em: EntityManager, id: string, request: FileRequest): Promise<FileResponse> {
  const type = String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (type !== "application/pdf") return fileError(415, "Upload a PDF file (content-type application/pdf).");
  const bytes = request.body ?? Buffer.alloc(0);
  if (bytes.length === 0) return fileError(400, "The file is empty.");
  const fileName = cleanFileName(request.headers["x-file-name"]) ?? "document.pdf";
  let inspected: Awaited<ReturnType<typeof inspectPdf>>;
  try {
    inspected = await inspectPdf(bytes, fileName);
  } catch (error) {
    if (error instanceof PdfRejectedError) return fileError(400, error.message);
    throw error;
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const result = await withLockedDocument(em, id, async ({ document, recipients, tx }) => {
    if (document.status !== "draft") return fileError(400, "This document was already sent; its PDF can no longer change.");
    Object.assign(document, {
      fileName,
      originalSha256: sha256,
      pageCount: inspected.pageCount,
      pages: inspected.pages.map(({ number, width, height }) => ({ number, width, height })),
      updatedAt: new Date(),
    });
    await sql(tx, `update "documents"."document" set original_pdf = ? where id = ?`, [bytes, document.id]);
    await dropFieldsBeyond(tx, document.id, inspected.pageCount);
    await announceDocumentChanged(tx, document, recipients, "UPDATED");
    return {
      status: 200,
      contentType: "application/json",
      body: Buffer.from(JSON.stringify({ pageCount: document.pageCount, pages: document.pages })),
    } satisfies FileResponse;
  });
  return "status" in result
    ? result
    : { status: 404, contentType: "application/json", body: Buffer.from(JSON.stringify({ error: "not found" })) };
}
