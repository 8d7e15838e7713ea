import { graphql } from "../../../gql";

/** An invoice's own fields shown in every list row. */
export const InvoiceRowFieldsFragment = graphql(`
  fragment InvoiceRowFields on Invoice {
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
  }
`);

/** A row in any invoice list (portal tabs, admin list). */
export const InvoiceListItemFragment = graphql(`
  fragment InvoiceListItem on Invoice {
    ...InvoiceRowFields
    contact { id name }
  }
`);

/**
 * Everything a change to an invoice can alter, all of it billing's: the live subscription selects
 * this, so an event updates every list row and page showing that invoice through the normalised
 * cache. The contact's name is identity's and no invoice change alters it, so an event leaves it to
 * the cache rather than asking identity once per subscriber.
 */
export const InvoiceChangeFragment = graphql(`
  fragment InvoiceChange on Invoice {
    ...InvoiceRowFields
    contact { id }
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

/** Everything an invoice page shows. */
export const InvoiceDetailFragment = graphql(`
  fragment InvoiceDetail on Invoice {
    ...InvoiceChange
    contact { id name }
  }
`);
