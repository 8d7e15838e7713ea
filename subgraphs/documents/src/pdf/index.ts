export { PdfRejectedError } from "./errors.js";
export { inspectPdf, MAX_PAGES, type PdfPage } from "./inspect.js";
export type { StampField } from "./stamp.js";
export { validateSignaturePng } from "./signature-image.js";
export type { CertificateAuditEntry, CertificateRecipient } from "./certificate-page.js";
export { loadSigningCertificate, type SigningCertificate } from "./signing-certificate.js";
export { createDevelopmentCertificate } from "./development-certificate.js";
export { buildSealedPdf, type SealedPdf, type SealedPdfInput } from "./build-sealed-pdf.js";
