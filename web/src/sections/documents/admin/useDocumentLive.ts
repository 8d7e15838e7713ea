import type { ApolloCache } from "@apollo/client";
import { useSubscription } from "@apollo/client/react";
import { useResubscribeOnError } from "../../../shared/useResubscribeOnError";
import type { DocumentChangeKind } from "../../../gql/graphql";
import { AdminDocumentAuditDocument, AdminDocumentChangedDocument, AdminDocumentsChangedDocument } from "./documentOperations";

/**
 * Keeps the documents list current without reloading. Each event carries the document with the
 * fields a row shows, so rows update in place through the normalised cache; `onListChange` runs
 * when the list's membership may have changed (a new document, a status the filter excludes).
 */
export function useDocumentsLive(onEvent?: (documentId: string, status: string) => void): { live: boolean } {
  const { error, restart } = useSubscription(AdminDocumentsChangedDocument, {
    onData: ({ data }) => {
      const event = data.data?.documentChanged;
      if (event && onEvent) onEvent(event.document.id, event.document.status);
    },
  });
  useResubscribeOnError(error, restart);
  return { live: !error };
}

export interface DocumentLiveEvent {
  change: DocumentChangeKind;
  recipientId: string | null;
}

/**
 * Keeps one document's page current: status and per-recipient progress update in place (the event
 * carries the whole document as the page shows it); the audit trail is refetched since every
 * change appends to it.
 */
export function useDocumentLive(documentId: string, onEvent?: (event: DocumentLiveEvent) => void): { live: boolean } {
  const { error, restart } = useSubscription(AdminDocumentChangedDocument, {
    variables: { documentId },
    skip: !documentId,
    onData: ({ client, data }) => {
      const event = data.data?.documentChanged;
      if (!event) return;
      void client.refetchQueries({ include: [AdminDocumentAuditDocument] });
      dropDocumentLists(client.cache);
      onEvent?.({ change: event.change, recipientId: event.recipientId });
    },
  });
  useResubscribeOnError(error, restart);
  return { live: !error };
}

/** The documents list (any filter) refetches next time it shows: statuses and order may have moved. */
export function dropDocumentLists(cache: ApolloCache): void {
  cache.evict({ id: "ROOT_QUERY", fieldName: "documents" });
  cache.gc();
}
