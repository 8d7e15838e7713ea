import { requireStaff, sql, type Caller, type FileHandler, type FileRequest, type FileResponse } from "@portal/kit";
import { readableDocument } from "../documents/document-access.js";
import { readOriginalPdf } from "../signing/completion.js";
import { uploadOriginal } from "./upload.js";

const FILE = /^([0-9a-f-]{36})\/(original|signed)\.pdf$/i;

export const json = (status: number, value: unknown): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify(value)),
});
const NOT_FOUND = json(404, { error: "not found" });

const canWrite = (caller: Caller) => {
  try {
    requireStaff(caller, "write");
    return true;
  } catch {
    return false;
  }
};

/** "Lease 2026.pdf" → "Lease 2026 (signed).pdf". */
function downloadName(fileName: string | null, title: string, signed: boolean): string {
  const base =
    (fileName ?? title)
      .replace(/\.pdf$/i, "")
      .replace(/[^\p{L}\p{N} ._()-]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 100) || "document";
  return signed ? `${base} (signed).pdf` : `${base}.pdf`;
}

/**
 * `/files/documents/documents/<id>/original.pdf` and `.../signed.pdf` on the gateway:
 * - GET original.pdf: staff (or a READ key) of the business, or a recipient once sent;
 * - GET signed.pdf: the same, and platform (`system`) calls such as automation attaching it; 404 until completed;
 * - POST original.pdf: uploads a draft's PDF (staff with write access; `application/pdf`, at most 10 MB).
 * Anyone else gets 404, so a document's existence does not leak; anonymous callers get 401.
 */
export const documentFiles: FileHandler = async (request: FileRequest) => {
  const { caller, path, em, method } = request;
  const system = caller.actor.kind === "system";
  if (!system && (caller.actor.kind === "anonymous" || !caller.actor.id)) return json(401, { error: "sign in to download" });
  const match = FILE.exec(path);
  if (!match || !caller.businessId) return NOT_FOUND;
  const [, id, which] = match;
  if (method === "POST") {
    if (which !== "original" || !canWrite(caller)) return NOT_FOUND;
    return uploadOriginal(em, id!, request);
  }
  if (system && which === "signed") {
    const [row] = await sql<{ final_pdf: Buffer | null; file_name: string | null; title: string }>(
      em,
      `select final_pdf, file_name, title from "documents"."document" where id = ? and business_id = ? and status = 'completed'`,
      [id, caller.businessId],
    );
    return row?.final_pdf
      ? { status: 200, contentType: "application/pdf", fileName: downloadName(row.file_name, row.title, true), body: row.final_pdf }
      : NOT_FOUND;
  }
  const readable = await readableDocument(em, caller, id!);
  if (!readable) return NOT_FOUND;
  const { document } = readable;
  if (which === "original") {
    const bytes = await readOriginalPdf(em, document.id);
    return bytes
      ? { status: 200, contentType: "application/pdf", fileName: downloadName(document.fileName, document.title, false), body: bytes }
      : NOT_FOUND;
  }
  if (document.status !== "completed") return NOT_FOUND;
  const [row] = await sql<{ final_pdf: Buffer | null }>(em, `select final_pdf from "documents"."document" where id = ?`, [document.id]);
  return row?.final_pdf
    ? { status: 200, contentType: "application/pdf", fileName: downloadName(document.fileName, document.title, true), body: row.final_pdf }
    : NOT_FOUND;
};
