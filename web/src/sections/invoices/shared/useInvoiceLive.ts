import type { ApolloCache } from "@apollo/client";
import { useSubscription } from "@apollo/client/react";
import { useResubscribeOnError } from "../../../shared/useResubscribeOnError";
import { graphql } from "../../../gql";

const InvoiceChangedDocument = graphql(`
  subscription InvoiceChanged {
    invoiceChanged { ...InvoiceChange }
  }
`);

/**
 * Keeps invoice screens current without reloading. The event's invoice updates in place through
 * the normalised cache; lists whose membership may have changed (an invoice paid moves from
 * Outstanding to Paid, a new draft appears) are dropped so the screens showing them refetch.
 */
export function useInvoiceLive(): { live: boolean } {
  const { error, restart } = useSubscription(InvoiceChangedDocument, {
    onData: ({ client, data }) => {
      const invoice = data.data?.invoiceChanged;
      if (invoice) dropInvoiceLists(client.cache, invoice.contact.id);
    },
  });
  useResubscribeOnError(error, restart);
  return { live: !error };
}

/** Lists and summaries an invoice change can reorder or move it between. */
export function dropInvoiceLists(cache: ApolloCache, contactId: string): void {
  const contact = cache.identify({ __typename: "Contact", id: contactId });
  if (contact) {
    for (const fieldName of ["outstandingInvoices", "paidInvoices", "invoiceSummary"]) {
      cache.evict({ id: contact, fieldName });
    }
  }
  cache.evict({ id: "ROOT_QUERY", fieldName: "invoices" });
  cache.gc();
}
