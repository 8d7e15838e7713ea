import type { DocumentAuditAction, DocumentStatus, RecipientRole, RecipientStatus } from "../../gql/graphql";

/** COMPLETED reads "Signed": the word clients and staff use for a fully signed document. */
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

/** Document status as a coloured badge; the text alone carries the meaning. */
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
  CC: "Copy only",
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
