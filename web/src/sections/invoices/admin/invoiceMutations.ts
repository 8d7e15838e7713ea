import { graphql } from "../../../gql";

/** Staff actions on one invoice; each returns the invoice as the detail page shows it. */
export const SendInvoiceDocument = graphql(`
  mutation SendInvoice($id: ID!, $inviteToPortal: Boolean) {
    sendInvoice(id: $id, inviteToPortal: $inviteToPortal) {
      __typename
      ... on UserError { message }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);

export const VoidInvoiceDocument = graphql(`
  mutation VoidInvoice($id: ID!) {
    voidInvoice(id: $id) {
      __typename
      ... on UserError { message }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);

export const RecordPaymentDocument = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);

export const RefundInvoiceDocument = graphql(`
  mutation RefundInvoice($input: RefundInput!) {
    refundInvoice(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);
