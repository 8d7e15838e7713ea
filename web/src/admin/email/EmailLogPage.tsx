import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../gql";
import type { EmailStatus } from "../../gql/graphql";
import { formatDateTime, titleCase } from "../../shared/format";
import { QueryState } from "../../shared/QueryState";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { templateName } from "./templateNames";

const EmailLogDocument = graphql(`
  query EmailLog($first: Int, $after: String, $status: EmailStatus, $search: String) {
    emailLog(first: $first, after: $after, status: $status, search: $search) {
      totalCount
      edges {
        cursor
        node { id recipient template subject status reason attempts createdAt sentAt }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const STATUSES: EmailStatus[] = ["QUEUED", "SENT", "SUPPRESSED", "FAILED"];
const STATUS_HINTS: Partial<Record<EmailStatus, string>> = { SUPPRESSED: "not sent: do not disturb" };

/** Every email sent (or not) on the business's behalf, newest first. */
export function EmailLogPage() {
  const [status, setStatus] = useState<EmailStatus | "">("");
  const [search, setSearch] = useState("");
  const settledSearch = useDebouncedValue(search.trim());
  const { data, loading, error, refetch, fetchMore } = useQuery(EmailLogDocument, {
    variables: { first: 25, status: status || null, search: settledSearch || null },
  });
  return (
    <>
      <h1>Email log</h1>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="email-search">Recipient</label>
          <input id="email-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="email-status">Status</label>
          <select id="email-status" value={status} onChange={(e) => setStatus(e.target.value as EmailStatus | "")}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {titleCase(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ emailLog }) =>
          emailLog.edges.length === 0 ? (
            <p className="empty-state">No emails yet.</p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="table">
                  <caption className="visually-hidden">Emails sent for this business</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Recipient</th>
                      <th scope="col">Email</th>
                      <th scope="col">Status</th>
                      <th scope="col">Attempts</th>
                    </tr>
                  </thead>
                  <tbody>
                    {emailLog.edges.map(({ node }) => (
                      <tr key={node.id}>
                        <td data-label="When">{formatDateTime(node.createdAt)}</td>
                        <td data-label="Recipient">{node.recipient}</td>
                        <td data-label="Email">
                          {node.subject}
                          <span className="hint email-template-name">{templateName(node.template)}</span>
                        </td>
                        <td data-label="Status">
                          <span className={`badge badge-email-${node.status.toLowerCase()}`}>{titleCase(node.status)}</span>
                          {(node.reason ?? STATUS_HINTS[node.status]) && (
                            <span className="hint"> {node.reason ?? STATUS_HINTS[node.status]}</span>
                          )}
                        </td>
                        <td data-label="Attempts">{node.attempts}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {emailLog.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void fetchMore({ variables: { after: emailLog.pageInfo.endCursor } })}
                >
                  Load more
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}
