import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { documentStatusLabel, DocumentStatusBadge, formatDate } from "../shared/documentStatus";
import { graphql } from "../../../gql";
import type { ContactDocumentList, PortalDocumentListItemFragment } from "../../../gql/graphql";
import { usePortalBusiness } from "../../../shared/branding";
import { QueryState } from "../../../shared/QueryState";
import { SectionUnavailable, sectionFailed } from "../../../portal/SectionUnavailable";

const PAGE_SIZE = 20;

const ClientDocumentsDocument = graphql(`
  query ClientDocuments($list: ContactDocumentList!, $first: Int) {
    viewer {
      contact {
        id
        documents(list: $list, first: $first) {
          totalCount
          edges { cursor node { ...PortalDocumentListItem } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`);

const EMPTY: Record<ContactDocumentList, string> = {
  PENDING_SIGNATURE: "Nothing to sign. You're all caught up.",
  PARTIALLY_SIGNED: "No documents waiting for others to sign.",
  SIGNED: "No signed documents yet.",
};

/**
 * One of the client's lists. "Load more" asks for a longer list (the first page stays on screen
 * meanwhile), which keeps every list a single cache entry that live changes can simply drop.
 */
export function ClientDocumentList({ list }: { list: ContactDocumentList }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const query = useQuery(ClientDocumentsDocument, {
    variables: { list, first: limit },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
    // Documents failing nulls only this list: say so with a retry, not "nothing here".
    errorPolicy: "all",
  });
  const data = query.data ?? query.previousData;
  const contact = data?.viewer.contact;
  const connection = contact?.documents;
  const retry = () => void query.refetch();
  return (
    <QueryState loading={query.loading} error={query.error} data={data} onRetry={retry}>
      {() =>
        sectionFailed(query.error, contact, connection) ? (
          <SectionUnavailable section="DOCUMENTS" onRetry={retry} />
        ) : !connection || connection.edges.length === 0 ? (
          <p className="empty-state" data-testid={`no-documents-${list.toLowerCase().replace("_", "-")}`}>
            {EMPTY[list]}
          </p>
        ) : (
          <>
            <ul
              className="document-list"
              data-testid={`documents-${list.toLowerCase().replace("_", "-")}`}
              aria-label={`${connection.totalCount} documents`}
            >
              {connection.edges.map(({ node }) => (
                <DocumentRow key={node.id} document={node} list={list} />
              ))}
            </ul>
            {connection.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={query.loading}
                onClick={() => setLimit((n) => n + PAGE_SIZE)}
              >
                {query.loading ? "Loading…" : "Load more"}
              </button>
            )}
          </>
        )
      }
    </QueryState>
  );
}

function DocumentRow({ document: doc, list }: { document: PortalDocumentListItemFragment; list: ContactDocumentList }) {
  const business = usePortalBusiness();
  const me = doc.myRecipient;
  const sender = doc.sentByName ?? business.branding.displayName;
  const date =
    list === "SIGNED"
      ? { label: "Signed", value: doc.completedAt }
      : list === "PARTIALLY_SIGNED" && me?.signedAt
        ? { label: me.role === "APPROVER" ? "You approved" : "You signed", value: me.signedAt }
        : { label: "Sent", value: doc.sentAt };
  const yourTurn = list === "PENDING_SIGNATURE" && me?.isTheirTurn;
  return (
    <li className="card document-item" data-testid="document-row" data-document-id={doc.id}>
      <div className="document-item-main">
        <h2 className="document-item-title">
          <Link to={`/documents/${doc.id}`} aria-label={`${doc.title} (${documentStatusLabel(doc.status)})`}>
            {doc.title}
          </Link>
        </h2>
        <p className="hint">
          Sent by {sender}
          {date.value && (
            <>
              {" · "}
              {date.label} <time dateTime={date.value}>{formatDate(date.value)}</time>
            </>
          )}
        </p>
      </div>
      <div className="document-item-status">
        <DocumentStatusBadge status={doc.status} />
        {yourTurn && <span className="badge badge-your-turn">Your turn to {me?.role === "APPROVER" ? "approve" : "sign"}</span>}
        {list === "PENDING_SIGNATURE" && me && !me.isTheirTurn && me.status === "PENDING" && (
          <span className="hint">Waiting for others first</span>
        )}
      </div>
    </li>
  );
}
