import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { appendCertificatePages, type CertificateAuditEntry, type CertificateRecipient } from "./certificate-page.js";
import { DocumentFonts } from "./fonts.js";
import { loadPdf } from "./inspect.js";
import { addSealPlaceholder, signPlaceholder } from "./seal.js";
import type { SigningCertificate } from "./signing-certificate.js";
import { stampFields, type StampField } from "./stamp.js";

export interface SealedPdfInput {
  original: Uint8Array;
  originalSha256: string;
  documentId: string;
  title: string;
  businessName: string;
  completedAt: Date;
  fields: StampField[];
  recipients: CertificateRecipient[];
  audit: CertificateAuditEntry[];
  certificate: SigningCertificate;
}

export interface SealedPdf {
  pdf: Buffer;
  /** SHA-256 (hex) of the original with fields stamped, before the certificate pages. */
  stampedSha256: string;
  /** SHA-256 (hex) of `pdf`, the sealed file. */
  finalSha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * The completed document: fields stamped onto the original pages, the signing certificate
 * appended, and the whole file sealed with a PKCS#7 detached signature (adbe.pkcs7.detached).
 */
export async function buildSealedPdf(input: SealedPdfInput): Promise<SealedPdf> {
  const original = await loadPdf(input.original);
  const documentPageCount = original.getPageCount();
  await stampFields(original, input.fields, new DocumentFonts(original));
  const stamped = await original.save();
  const stampedSha256 = sha256(stamped);

  const pdf = await PDFDocument.load(stamped, { updateMetadata: false });
  await appendCertificatePages(
    pdf,
    {
      documentId: input.documentId,
      title: input.title,
      businessName: input.businessName,
      completedAt: input.completedAt,
      documentPageCount,
      originalSha256: input.originalSha256,
      stampedSha256,
      sealedBy: input.certificate.subject,
      recipients: input.recipients,
      audit: input.audit,
    },
    new DocumentFonts(pdf),
  );
  pdf.setTitle(input.title);
  pdf.setProducer("Client Portal");
  pdf.setModificationDate(input.completedAt);
  addSealPlaceholder(pdf, {
    reason: `Signed by ${input.businessName} via Client Portal`,
    name: input.businessName,
    signingTime: input.completedAt,
  });
  // Without object streams the signature dictionary stays a plain, findable object.
  const unsigned = await pdf.save({ useObjectStreams: false });
  const sealed = await signPlaceholder(unsigned, input.certificate, input.completedAt);
  return { pdf: sealed, stampedSha256, finalSha256: sha256(sealed) };
}
