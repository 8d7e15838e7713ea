import type { EntityManager } from "@portal/kit";
import { ContactRef } from "../client/contact-ref.js";
import { byOrder, currentTurn } from "../signing/turns.js";
import { isParty, type Party } from "../shared/access.js";
import type { Document } from "./document.entity.js";
import { DocumentField, DocumentPage, DocumentRecipient, DocumentView, type DocumentViewer } from "./document.types.js";
import {
  DocumentFieldKind,
  DocumentStatus,
  RecipientKind,
  RecipientRole,
  RecipientStatus,
  SignatureMethod,
  SigningOrder,
  toApi,
} from "./enums.js";
import { DocumentFieldRow } from "./field.entity.js";
import { Recipient } from "./recipient.entity.js";
import { StaffRef } from "./staff-ref.js";

export const filePath = (document: Pick<Document, "id">, name: "original.pdf" | "signed.pdf") =>
  `/files/documents/documents/${document.id}/${name}`;

function toRecipientView(recipient: Recipient, turn: Set<string>): DocumentRecipient {
  return Object.assign(new DocumentRecipient(), {
    id: recipient.id,
    kind: toApi<RecipientKind>(recipient.kind),
    contact: recipient.contactId ? ContactRef.of(recipient.contactId) : null,
    staff: StaffRef.of(recipient.staffId),
    name: recipient.name,
    email: recipient.email,
    role: toApi<RecipientRole>(recipient.role),
    order: recipient.order,
    status: toApi<RecipientStatus>(recipient.status),
    isTheirTurn: turn.has(recipient.id),
    viewedAt: recipient.viewedAt,
    signedAt: recipient.signedAt,
    declinedAt: recipient.declinedAt,
    declineReason: recipient.declineReason,
    signatureMethod: recipient.signatureMethod ? toApi<SignatureMethod>(recipient.signatureMethod) : null,
  });
}

function toFieldView(field: DocumentFieldRow): DocumentField {
  return Object.assign(new DocumentField(), {
    id: field.id,
    recipientId: field.recipientId,
    kind: toApi<DocumentFieldKind>(field.kind),
    page: field.page,
    x: field.x,
    y: field.y,
    width: field.width,
    height: field.height,
    label: field.label,
    required: field.required,
    value: field.value,
  });
}

/**
 * Views of several documents for one caller, with their recipients and fields loaded in two
 * statements whatever the number of documents.
 */
export async function toDocumentViews(
  em: EntityManager,
  documents: Document[],
  audience: "staff" | "party",
  party: Party | null,
): Promise<DocumentView[]> {
  if (documents.length === 0) return [];
  const ids = documents.map((document) => document.id);
  const recipients = await em.find(Recipient, { documentId: { $in: ids } });
  const fields = await em.find(DocumentFieldRow, { documentId: { $in: ids } }, { orderBy: { position: "asc" } });
  return documents.map((document) => {
    const own = byOrder(recipients.filter((recipient) => recipient.documentId === document.id));
    const turn = new Set(currentTurn(document, own).map((recipient) => recipient.id));
    const views = own.map((recipient) => toRecipientView(recipient, turn));
    const mine = own.find((recipient) => isParty(recipient, party)) ?? null;
    const viewer: DocumentViewer = { audience, recipientId: mine?.id ?? null, em };
    return Object.assign(new DocumentView(), {
      id: document.id,
      businessId: document.businessId,
      viewer,
      sentByStaffId: document.sentByStaffId,
      title: document.title,
      message: document.message,
      status: toApi<DocumentStatus>(document.status),
      signingOrder: toApi<SigningOrder>(document.signingOrder),
      fileName: document.fileName,
      pageCount: document.pageCount,
      pages: document.pages.map((page) => Object.assign(new DocumentPage(), page)),
      recipients: views,
      fields: fields.filter((field) => field.documentId === document.id).map(toFieldView),
      myRecipient: mine ? views.find((view) => view.id === mine.id)! : null,
      originalSha256: document.originalSha256,
      finalSha256: document.finalSha256,
      originalPdfUrl: document.originalSha256 ? filePath(document, "original.pdf") : null,
      signedPdfUrl: document.status === "completed" && document.finalSha256 ? filePath(document, "signed.pdf") : null,
      expiresAt: document.expiresAt,
      reminderIntervalDays: document.reminderIntervalDays,
      createdAt: document.createdAt,
      updatedAt: document.updatedAt,
      sentAt: document.sentAt,
      completedAt: document.completedAt,
      declinedAt: document.declinedAt,
      voidedAt: document.voidedAt,
      voidReason: document.voidReason,
    });
  });
}

export async function toDocumentView(
  em: EntityManager,
  document: Document,
  audience: "staff" | "party",
  party: Party | null,
): Promise<DocumentView> {
  const [view] = await toDocumentViews(em, [document], audience, party);
  return view!;
}
