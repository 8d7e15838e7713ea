import { graphql } from "../../../gql";

/** One invoice for staff: the editor and the detail page read the same. */
export const AdminInvoiceDocument = graphql(`
  query AdminInvoice($id: ID!) {
    invoice(id: $id) { ...InvoiceDetail }
  }
`);
