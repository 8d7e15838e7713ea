import type { InvoiceStatus } from "../../../gql/graphql";

const LABELS: Record<InvoiceStatus, string> = {
  DRAFT: "Draft",
  OPEN: "Open",
  OVERDUE: "Overdue",
  PAID: "Paid",
  VOID: "Void",
  REFUNDED: "Refunded",
  PARTIALLY_REFUNDED: "Partially refunded",
};

export const INVOICE_STATUSES = Object.keys(LABELS) as InvoiceStatus[];

export function invoiceStatusLabel(status: InvoiceStatus): string {
  return LABELS[status];
}

/** Invoice status as a coloured badge; the text alone carries the meaning. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <span className={`badge badge-invoice-${status.toLowerCase().replace("_", "-")}`} data-testid="invoice-status">
      {LABELS[status]}
    </span>
  );
}
