import type { DocumentStatus, RecipientRole, RecipientStatus } from "../gql/graphql";

const STATUS_LABELS: Record<DocumentStatus, string> = {
  DRAFT: "Draft",
  SENT: "Pending signature",
  PARTIALLY_SIGNED: "Partially signed",
  COMPLETED: "Signed",
  DECLINED: "Declined",
  VOIDED: "Voided",
  EXPIRED: "Expired",
};

export function documentStatusLabel(status: DocumentStatus): string {
  return STATUS_LABELS[status];
}

/** A document's status as a coloured badge ("Pending signature", "Partially signed", "Signed", …); the text carries the meaning. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`badge badge-document-${status.toLowerCase().replace("_", "-")}`} data-testid="document-status">
      {STATUS_LABELS[status]}
    </span>
  );
}

const ROLE_LABELS: Record<RecipientRole, string> = { SIGNER: "Signer", APPROVER: "Approver", CC: "Receives a copy" };

export function recipientRoleLabel(role: RecipientRole): string {
  return ROLE_LABELS[role];
}

interface RecipientLike {
  status: RecipientStatus;
  isTheirTurn: boolean;
}

/** Where a recipient is: "Signed", "Approved", "Declined", "Their turn", "Waiting", "Copy only". */
export function recipientProgressLabel(recipient: RecipientLike): string {
  switch (recipient.status) {
    case "SIGNED":
      return "Signed";
    case "APPROVED":
      return "Approved";
    case "DECLINED":
      return "Declined";
    case "NOT_REQUIRED":
      return "Copy only";
    case "PENDING":
      return recipient.isTheirTurn ? "Their turn" : "Waiting";
  }
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
