import { announce, type EntityManager } from "@portal/kit";
import type { Document } from "../documents/document.entity.js";
import type { Recipient } from "../documents/recipient.entity.js";

/** Live topic for document changes (docs/architecture.md); announced inside the change's transaction. */
export const DOCUMENT_TOPIC = "documents.document";

export type ChangeKind =
  | "UPDATED"
  | "SENT"
  | "VIEWED"
  | "SIGNED"
  | "APPROVED"
  | "DECLINED"
  | "COMPLETED"
  | "VOIDED"
  | "EXPIRED"
  | "REMINDED";

/** Ids only: each subscriber re-reads the document with its own rights. Drafts name no parties. */
export interface DocumentChangedMessage {
  documentId: string;
  change: ChangeKind;
  recipientId: string | null;
  contactIds: string[];
  staffIds: string[];
}

export async function announceDocumentChanged(
  em: EntityManager,
  document: Document,
  recipients: Recipient[],
  change: ChangeKind,
  recipientId: string | null = null,
): Promise<void> {
  const parties = document.status === "draft" ? [] : recipients;
  const data: DocumentChangedMessage = {
    documentId: document.id,
    change,
    recipientId,
    contactIds: parties.flatMap((recipient) => (recipient.contactId ? [recipient.contactId] : [])),
    staffIds: parties.flatMap((recipient) => (recipient.staffId ? [recipient.staffId] : [])),
  };
  await announce(em, { topic: DOCUMENT_TOPIC, businessId: document.businessId, data: data as unknown as Record<string, unknown> });
}
