import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { CommunityReportsQuery } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useLoadMore } from "../../../shared/useLoadMore";
import { CommunityReportsDocument, OpenCommunityReportCountDocument, ResolveCommunityReportDocument } from "./groupOperations";

type Report = CommunityReportsQuery["communityReports"]["edges"][number]["node"];

/** The moderation queue: posts members reported, open first; staff resolve each, optionally removing the post. */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  // Held here as well as in the address, so the chosen option is checked at once.
  const [status, setStatus] = useState<"OPEN" | "RESOLVED">(params.get("status") === "resolved" ? "RESOLVED" : "OPEN");
  const { data, loading, error, refetch, fetchMore } = useQuery(CommunityReportsDocument, {
    variables: { first: 25, status },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);
  return (
    <>
      <BackLink to="/admin/communities" label="Communities" />
      <h1>Reported posts</h1>
      <div className="segmented" role="radiogroup" aria-label="Show">
        {(["OPEN", "RESOLVED"] as const).map((option) => (
          <label key={option} className="segmented-option">
            <input
              type="radio"
              name="report-status"
              checked={status === option}
              onChange={() => {
                setStatus(option);
                setParams(option === "RESOLVED" ? { status: "resolved" } : {}, { replace: true });
              }}
            />
            {option === "OPEN" ? "Open" : "Resolved"}
          </label>
        ))}
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ communityReports }) =>
          communityReports.edges.length === 0 ? (
            <p className="empty-state">{status === "OPEN" ? "No reports waiting. All clear." : "No resolved reports yet."}</p>
          ) : (
            <>
              <ul className="plain-list community-reports" aria-label={status === "OPEN" ? "Open reports" : "Resolved reports"}>
                {communityReports.edges.map(({ node: report }) => (
                  <li key={report.id}>
                    <ReportCard report={report} onResolved={() => void refetch()} />
                  </li>
                ))}
              </ul>
              {communityReports.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore(communityReports.pageInfo.endCursor)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function ReportCard({ report, onResolved }: { report: Report; onResolved: () => void }) {
  const id = useId();
  const post = report.post;
  return (
    <article className="card community-report" aria-labelledby={`${id}-title`} data-testid="community-report">
      <h2 id={`${id}-title`} className="community-report-title">
        {post.title || `Post by ${post.author.name}`}
      </h2>
      <p className="hint">
        Posted by {post.author.name} · <Link to={`/admin/communities/${report.groupId}`}>Open the group</Link>
      </p>
      {post.removed ? (
        <p className="hint">{post.removedBy === "MODERATOR" ? "Removed by a moderator." : "Deleted by its author."}</p>
      ) : (
        // HTML sanitised by the communities subgraph
        <blockquote className="community-html community-report-post" dangerouslySetInnerHTML={{ __html: post.html ?? "" }} />
      )}
      <dl className="details">
        <dt>Reported by</dt>
        <dd>
          {report.reporter.name}, {formatDateTime(report.createdAt)}
        </dd>
        <dt>Reason</dt>
        <dd className="community-report-reason">{report.reason}</dd>
        {report.status === "RESOLVED" && (
          <>
            <dt>Resolved</dt>
            <dd>
              {report.resolvedBy?.name ?? "Staff"}, {formatDateTime(report.resolvedAt)}
              {report.resolution && <> — {report.resolution}</>}
            </dd>
          </>
        )}
      </dl>
      {report.status === "OPEN" && <ResolveForm report={report} onResolved={onResolved} />}
    </article>
  );
}

function ResolveForm({ report, onResolved }: { report: Report; onResolved: () => void }) {
  const id = useId();
  const [note, setNote] = useState("");
  const [removePost, setRemovePost] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resolve, { loading }] = useMutation(ResolveCommunityReportDocument, { refetchQueries: [OpenCommunityReportCountDocument] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = (await resolve({ variables: { input: { reportId: report.id, resolution: note.trim() || null, removePost } } })).data
      ?.resolveCommunityReport;
    if (result?.__typename === "CommunityReportSuccess") onResolved();
    else setError(problemOf(result)?.message ?? "Could not resolve the report. Please try again.");
  };
  return (
    <form className="community-resolve" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      {!report.post.removed && (
        <div className="field checkbox">
          <input id={`${id}-remove`} type="checkbox" checked={removePost} onChange={(e) => setRemovePost(e.target.checked)} />
          <label htmlFor={`${id}-remove`}>Also remove the post</label>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-small" disabled={loading}>
        {loading ? "Resolving…" : "Resolve report"}
      </button>
    </form>
  );
}
