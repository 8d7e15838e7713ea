import { useSubscription } from "@apollo/client/react";
import { useResubscribeOnError } from "../../../shared/useResubscribeOnError";
import { dropDocumentLists } from "../shared/documentCache";
import { graphql } from "../../../gql";

const PortalDocumentChangedDocument = graphql(`
  subscription PortalDocumentChanged($documentId: ID) {
    documentChanged(documentId: $documentId) {
      change
      recipientId
      document { ...PortalDocumentDetail }
    }
  }
`);

/**
 * Keeps document screens current without reloading: the changed document updates in place
 * through the normalised cache (status, recipients' progress, downloads), and the lists and the
 * dashboard count it may have moved between are dropped so they refetch. With a documentId,
 * only that document's changes arrive; without, every document the client is a party of.
 */
export function useDocumentLive(documentId?: string): { live: boolean } {
  const { error, restart } = useSubscription(PortalDocumentChangedDocument, {
    variables: { documentId: documentId ?? null },
    onData: ({ client, data }) => {
      if (data.data?.documentChanged) dropDocumentLists(client.cache);
    },
  });
  useResubscribeOnError(error, restart);
  return { live: !error };
}
