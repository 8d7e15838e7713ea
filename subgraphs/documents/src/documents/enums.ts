import { registerEnumType } from "type-graphql";

export enum DocumentStatus {
  DRAFT = "DRAFT",
  SENT = "SENT",
  PARTIALLY_SIGNED = "PARTIALLY_SIGNED",
  COMPLETED = "COMPLETED",
  DECLINED = "DECLINED",
  VOIDED = "VOIDED",
  EXPIRED = "EXPIRED",
}
registerEnumType(DocumentStatus, {
  name: "DocumentStatus",
  description: "DRAFT → SENT → PARTIALLY_SIGNED (someone acted) → COMPLETED; or DECLINED, VOIDED (by staff), EXPIRED (past expiresAt).",
});

export enum SigningOrder {
  SEQUENTIAL = "SEQUENTIAL",
  PARALLEL = "PARALLEL",
}
registerEnumType(SigningOrder, {
  name: "SigningOrder",
  description: "SEQUENTIAL: only the lowest order still to act goes (equal orders together); PARALLEL: everyone at once.",
});

export enum RecipientRole {
  SIGNER = "SIGNER",
  APPROVER = "APPROVER",
  CC = "CC",
}
registerEnumType(RecipientRole, {
  name: "RecipientRole",
  description: "SIGNER signs their fields; APPROVER approves without fields; CC only receives the completed copy.",
});

export enum RecipientKind {
  CONTACT = "CONTACT",
  STAFF = "STAFF",
}
registerEnumType(RecipientKind, { name: "RecipientKind", description: "A contact of the business, or one of its staff (counter-signer)." });

export enum RecipientStatus {
  PENDING = "PENDING",
  SIGNED = "SIGNED",
  APPROVED = "APPROVED",
  DECLINED = "DECLINED",
  NOT_REQUIRED = "NOT_REQUIRED",
}
registerEnumType(RecipientStatus, {
  name: "RecipientStatus",
  description: "Where a recipient is; NOT_REQUIRED for CC recipients, who never act.",
});

export enum DocumentFieldKind {
  SIGNATURE = "SIGNATURE",
  INITIALS = "INITIALS",
  DATE_SIGNED = "DATE_SIGNED",
  TEXT = "TEXT",
}
registerEnumType(DocumentFieldKind, {
  name: "DocumentFieldKind",
  description: "SIGNATURE (drawn or typed), INITIALS, DATE_SIGNED (filled by the server), TEXT (typed by the signer).",
});

export enum SignatureMethod {
  DRAWN = "DRAWN",
  TYPED = "TYPED",
}
registerEnumType(SignatureMethod, { name: "SignatureMethod", description: "How a signature was made: drawn with a pointer, or typed." });

export enum ContactDocumentList {
  PENDING_SIGNATURE = "PENDING_SIGNATURE",
  PARTIALLY_SIGNED = "PARTIALLY_SIGNED",
  SIGNED = "SIGNED",
}
registerEnumType(ContactDocumentList, {
  name: "ContactDocumentList",
  description:
    "The contact's lists: PENDING_SIGNATURE (open, they still have to act), PARTIALLY_SIGNED (open, they are done or only copied), SIGNED (completed).",
});

export enum DocumentAuditAction {
  CREATED = "CREATED",
  SENT = "SENT",
  VIEWED = "VIEWED",
  CONSENTED = "CONSENTED",
  SIGNED = "SIGNED",
  APPROVED = "APPROVED",
  DECLINED = "DECLINED",
  COMPLETED = "COMPLETED",
  EMAILED = "EMAILED",
  REMINDED = "REMINDED",
  VOIDED = "VOIDED",
  EXPIRED = "EXPIRED",
}
registerEnumType(DocumentAuditAction, { name: "DocumentAuditAction", description: "What an audit trail entry records." });

export enum DocumentChangeKind {
  UPDATED = "UPDATED",
  SENT = "SENT",
  VIEWED = "VIEWED",
  SIGNED = "SIGNED",
  APPROVED = "APPROVED",
  DECLINED = "DECLINED",
  COMPLETED = "COMPLETED",
  VOIDED = "VOIDED",
  EXPIRED = "EXPIRED",
  REMINDED = "REMINDED",
}
registerEnumType(DocumentChangeKind, { name: "DocumentChangeKind", description: "What just happened to a document, in a live update." });

/** Stored lowercase values ↔ API enums. */
export const toApi = <E extends string>(value: string) => value.toUpperCase() as E;
export const fromApi = <S extends string>(value: string) => value.toLowerCase() as S;
