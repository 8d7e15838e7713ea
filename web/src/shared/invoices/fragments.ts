import { graphql } from "../../gql";

/** A row in any invoice list (portal tabs, admin list). */
export const InvoiceListItemFragment = graphql(`
  fragment InvoiceListItem on Invoice {
    id
    number
    status
    overdue
    currency
    total
    amountDue
    issueDate
    dueDate
    paidAt
    contact { id name }
  }
`);

/**
 * Everything an invoice page shows. The live subscription selects the same, so an event updates
 * every list row and page showing that invoice through the normalised cache.
 */
export const InvoiceDetailFragment = graphql(`
  fragment InvoiceDetail on Invoice {
    ...InvoiceListItem
    lines { description quantity unitPrice amount }
    taxRateBps
    discountAmount
    subtotal
    discount
    tax
    amountPaid
    amountRefunded
    lastPaymentError
    notes
    memo
    sentAt
    voidedAt
    createdAt
    updatedAt
    payments { id kind amount method reference createdAt }
  }
`);
