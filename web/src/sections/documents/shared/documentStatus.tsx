import type { DocumentAuditAction, DocumentStatus, RecipientRole, RecipientStatus } from "../../../gql/graphql";

/**
 * One wording for clients and staff. SENT reads "Sent": true whether a recipient is to sign or only to
 * approve; the portal's "Pending signature" tab already says what the client has to do. COMPLETED reads
 * "Signed": the word clients and staff use for a fully signed document.
 */
const STATUS_LABELS: Record<DocumentStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  PARTIALLY_SIGNED: "Partially signed",
  COMPLETED: "Signed",
  DECLINED: "Declined",
  VOIDED: "Voided",
  EXPIRED: "Expired",
};

export const DOCUMENT_STATUSES = Object.keys(STATUS_LABELS) as DocumentStatus[];

export function documentStatusLabel(status: DocumentStatus): string {
  return STATUS_LABELS[status];
}

/** A document's status as a coloured badge ("Sent", "Partially signed", "Signed", …); the text alone carries the meaning. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`badge badge-document-${status.toLowerCase().replace("_", "-")}`} data-testid="document-status">
      {STATUS_LABELS[status]}
    </span>
  );
}

export const ROLE_LABELS: Record<RecipientRole, string> = {
  SIGNER: "Signer",
  APPROVER: "Approver",
  CC: "Receives a copy",
};

export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  PENDING: "Pending",
  SIGNED: "Signed",
  APPROVED: "Approved",
  DECLINED: "Declined",
  NOT_REQUIRED: "Copy only",
};

export const AUDIT_ACTION_LABELS: Record<DocumentAuditAction, string> = {
  CREATED: "Created",
  SENT: "Sent",
  VIEWED: "Viewed",
  CONSENTED: "Consented to sign electronically",
  SIGNED: "Signed",
  APPROVED: "Approved",
  DECLINED: "Declined",
  COMPLETED: "Completed",
  EMAILED: "Emailed",
  REMINDED: "Reminded",
  VOIDED: "Voided",
  EXPIRED: "Expired",
};

/** Statuses in which recipients may still act (so reminders and voiding make sense). */
export function isOpen(status: DocumentStatus): boolean {
  return status === "SENT" || status === "PARTIALLY_SIGNED";
}

/** "1 of 2 signed": signers and approvers who are done, of those who must act (copies excluded). */
export function progressText(recipients: readonly { role: RecipientRole; status: RecipientStatus }[]): string {
  const acting = recipients.filter((r) => r.role !== "CC");
  if (acting.length === 0) return "No signers";
  const done = acting.filter((r) => r.status === "SIGNED" || r.status === "APPROVED").length;
  return `${done} of ${acting.length} signed`;
}

interface RecipientLike {
  status: RecipientStatus;
  isTheirTurn: boolean;
}

/** Where a recipient is, as a client sees it: "Signed", "Approved", "Declined", "Their turn", "Waiting", "Copy only". */
export function recipientProgressLabel(recipient: RecipientLike): string {
  if (recipient.status === "PENDING") return recipient.isTheirTurn ? "Their turn" : "Waiting";
  return RECIPIENT_STATUS_LABELS[recipient.status];
}

/** "Ada", "Ada and Grace", "Ada, Grace and Alan". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** An instant (ISO) as a local calendar date, e.g. "3 Mar 2026". */
export function formatDate(iso: string | null | undefined, empty = "—"): string {
  if (!iso) return empty;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? empty : dateFormat.format(date);
}
