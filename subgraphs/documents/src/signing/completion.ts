import { KnownBusiness, sql, type EntityManager } from "@portal/kit";
import { allAuditEntries, appendAudit, SYSTEM_ACTOR } from "../audit/audit.service.js";
import type { CertificateSource } from "../certificate/certificate-store.js";
import type { Document } from "../documents/document.entity.js";
import { fieldsOf } from "../documents/document-store.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { recordDocumentCompleted } from "../events/document-events.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { buildSealedPdf, type CertificateRecipient, type StampField } from "../pdf/index.js";
import { SignatureRecord } from "./signature.entity.js";
import { byOrder } from "./turns.js";

export type Sealer = CertificateSource;

const STATUS_LABEL: Record<Recipient["status"], string> = {
  pending: "Pending",
  signed: "Signed",
  approved: "Approved",
  declined: "Declined",
  not_required: "Copy only",
};

function certificateRecipient(recipient: Recipient, signature: SignatureRecord | undefined): CertificateRecipient {
  return {
    name: recipient.name,
    email: recipient.email,
    role: recipient.role.toUpperCase() as CertificateRecipient["role"],
    verification: recipient.kind === "contact" ? "portal sign-in by emailed link" : "staff sign-in",
    status: STATUS_LABEL[recipient.status],
    viewedAt: recipient.viewedAt,
    signedAt: recipient.signedAt,
    ip: signature?.ip ?? null,
    userAgent: signature?.userAgent ?? null,
    signatureMethod: signature?.method ? (signature.method.toUpperCase() as "DRAWN" | "TYPED") : null,
    consentVersion: signature?.consentVersion ?? null,
  };
}

export async function readOriginalPdf(em: EntityManager, documentId: string): Promise<Buffer | null> {
  const [row] = await sql<{ original_pdf: Buffer | null }>(em, `select original_pdf from "documents"."document" where id = ?`, [
    documentId,
  ]);
  return row?.original_pdf ?? null;
}

/**
 * The last signer or approver acted: inside their transaction (the document row locked), stamp the
 * fields onto the original, append the certificate and audit trail, seal it with the platform
 * certificate and store it. COMPLETED then records the sealed file's hash in the chain.
 */
export async function completeDocument(
  tx: EntityManager,
  document: Document,
  recipients: Recipient[],
  sealer: Sealer,
  now: Date,
): Promise<void> {
  Object.assign(document, { status: "completed", completedAt: now, updatedAt: now });
  await tx.flush(); // the audit entries and signatures of this transaction, for the certificate
  // One statement at a time: they share the transaction's connection.
  const original = await readOriginalPdf(tx, document.id);
  const fields = await fieldsOf(tx, document.id);
  const signatures = await tx.find(SignatureRecord, { documentId: document.id });
  const audit = await allAuditEntries(tx, document.id);
  const business = await tx.findOne(KnownBusiness, { businessId: document.businessId });
  const certificate = await sealer.certificate();
  if (!original) throw new Error(`Document ${document.id} has no original PDF to seal`);
  const signatureOf = (recipientId: string) => signatures.find((signature) => signature.recipientId === recipientId);
  const stamps: StampField[] = fields.map((field) => ({
    kind: field.kind.toUpperCase() as StampField["kind"],
    page: field.page,
    x: field.x,
    y: field.y,
    width: field.width,
    height: field.height,
    text: field.value,
    signaturePng: field.kind === "signature" ? (signatureOf(field.recipientId)?.drawnPng ?? null) : null,
  }));
  const sealed = await buildSealedPdf({
    original,
    originalSha256: document.originalSha256!,
    documentId: document.id,
    title: document.title,
    businessName: (business?.displayName || business?.name) ?? "",
    completedAt: now,
    fields: stamps,
    recipients: byOrder(recipients).map((recipient) => certificateRecipient(recipient, signatureOf(recipient.id))),
    audit: audit.map((entry) => ({
      sequence: entry.sequence,
      action: entry.action,
      actorName: entry.actorName,
      occurredAt: entry.occurredAt,
      ip: entry.ip,
      userAgent: entry.userAgent,
      hash: entry.hash,
    })),
    certificate,
  });
  await sql(tx, `update "documents"."document" set final_pdf = ? where id = ?`, [sealed.pdf, document.id]);
  Object.assign(document, { stampedSha256: sealed.stampedSha256, finalSha256: sealed.finalSha256 });
  appendAudit(tx, document, "COMPLETED", SYSTEM_ACTOR, {
    at: now,
    details: {
      originalSha256: document.originalSha256,
      stampedSha256: sealed.stampedSha256,
      finalSha256: sealed.finalSha256,
      sealedBy: certificate.subject,
    },
  });
  await recordDocumentCompleted(tx, document, recipients);
  await announceDocumentChanged(tx, document, recipients, "COMPLETED");
}
