import { useQuery } from "@apollo/client/react";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { formatDateTime } from "../../../../shared/format";
import { QueryState } from "../../../../shared/QueryState";
import { AdminDocumentAuditDocument } from "../documentOperations";
import { AUDIT_ACTION_LABELS } from "../../shared/documentStatus";
import { useLoadMore } from "../../../../shared/useLoadMore";

const PAGE_SIZE = 100;

/** The append-only, hash-chained log with the server's verification of the chain. */
export function AuditTrail({ document }: { document: AdminDocumentDetailFragment }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminDocumentAuditDocument, {
    variables: { id: document.id, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);
  return (
    <section className="card" aria-labelledby="document-audit-title">
      <h2 id="document-audit-title">Audit trail</h2>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the audit trail…">
        {({ document: audited }) => {
          if (!audited) return <p className="hint">The audit trail is not available.</p>;
          const { auditVerification: check, auditTrail } = audited;
          return (
            <>
              <p
                className={`audit-verification ${check.valid ? "audit-ok" : "audit-broken"}`}
                role="status"
                data-testid="audit-verification"
              >
                {check.valid
                  ? `Audit trail intact: ${check.entries === 1 ? "1 entry" : `${check.entries} entries`}, hash chain verified`
                  : `Audit trail problem: ${check.problem ?? "the hash chain does not verify"}`}
              </p>
              <div className="table-scroll">
                <table className="table audit-table">
                  <caption className="visually-hidden">Audit trail, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Time</th>
                      <th scope="col">Action</th>
                      <th scope="col">Actor</th>
                      <th scope="col">IP</th>
                      <th scope="col">User agent</th>
                      <th scope="col">Hash</th>
                    </tr>
                  </thead>
                  <tbody>
                    {auditTrail.edges.map(({ node: entry }) => (
                      <tr key={entry.id} data-testid="audit-row">
                        <td data-label="#">{entry.sequence}</td>
                        <td data-label="Time" className="audit-time">
                          {formatDateTime(entry.occurredAt)}
                        </td>
                        <th scope="row" data-label="Action">
                          {AUDIT_ACTION_LABELS[entry.action]}
                          <span className="audit-details">{describeDetails(entry.action, entry.details)}</span>
                        </th>
                        <td data-label="Actor">
                          {entry.actorName}
                          <div className="hint">{actorKindLabel(entry.actorKind)}</div>
                        </td>
                        <td data-label="IP">{entry.ip ?? "—"}</td>
                        <td data-label="User agent" className="audit-agent" title={entry.userAgent ?? undefined}>
                          {entry.userAgent ?? "—"}
                        </td>
                        <td data-label="Hash">
                          <code title={entry.hash}>{entry.hash.slice(0, 12)}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {auditTrail.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore(auditTrail.pageInfo.endCursor)}
                >
                  {loadingMore ? "Loading…" : "Show more entries"}
                </button>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function actorKindLabel(kind: string): string {
  switch (kind.toLowerCase()) {
    case "staff":
      return "Staff";
    case "contact":
      return "Contact";
    case "system":
      return "System";
    case "apikey":
      return "API key";
    default:
      return kind;
  }
}

/** A short, readable note from the entry's JSON details (reasons, email outcomes, who was reminded). */
function describeDetails(action: string, details: string | null): string {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = details ? JSON.parse(details) : {};
    if (value && typeof value === "object") parsed = value as Record<string, unknown>;
  } catch {
    return "";
  }
  const text = (key: string) => (typeof parsed[key] === "string" ? (parsed[key] as string) : undefined);
  const parts: string[] = [];
  if (action === "EMAILED") {
    const template = text("template");
    if (template) parts.push(template.toLowerCase().replace(/_/g, " "));
    const to = text("recipient");
    if (to) parts.push(`to ${to}`);
    const status = text("status");
    if (status) parts.push(status.toLowerCase());
  } else if (action === "REMINDED" && Array.isArray(parsed.recipients)) {
    const names = parsed.recipients.flatMap((r: unknown) =>
      r && typeof r === "object" && "name" in r && typeof r.name === "string" ? [r.name] : [],
    );
    if (names.length) parts.push(names.join(", "));
  } else if (action === "CONSENTED" && text("consentVersion")) {
    parts.push(`consent version ${text("consentVersion")}`);
  }
  const reason = text("reason");
  if (reason) parts.push(`“${reason}”`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
