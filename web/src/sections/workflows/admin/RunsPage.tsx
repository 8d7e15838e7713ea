import { useQuery } from "@apollo/client/react";
import { useEffect, useId } from "react";
import { useSearchParams } from "react-router";
import type { WorkflowRunStatus } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { useLoadMore } from "../../../shared/useLoadMore";
import { appendPage } from "./pagination";
import { ContactFilter } from "./ContactFilter";
import { outcomeLabel } from "./labels";
import { WorkflowNamesDocument, WorkflowRunsDocument } from "./operations";
import { usePickerOptions } from "./pickerOptions";
import { RunItem } from "./RunItem";
import { WorkflowTabs } from "./WorkflowTabs";

const PAGE_SIZE = 25;
const RUN_STATUSES: WorkflowRunStatus[] = ["RUNNING", "WAITING", "DONE", "FAILED", "STOPPED"];

/**
 * The execution log: every run, newest first, with each step's outcome. The filters live in the
 * address (`?workflow=…&contact=…&outcome=…`), so a filtered log can be linked to and reloaded.
 */
export function RunsPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const workflowId = params.get("workflow") ?? "";
  const contactId = params.get("contact") ?? "";
  const outcome = (params.get("outcome") ?? "") as WorkflowRunStatus | "";
  const setFilter = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const workflowNames = useQuery(WorkflowNamesDocument);
  const { data, loading, error, refetch, fetchMore } = useQuery(WorkflowRunsDocument, {
    variables: { first: PAGE_SIZE, workflowId: workflowId || null, contactId: contactId || null, status: outcome || null },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore((options) =>
    fetchMore({
      ...options,
      updateQuery: (shown, { fetchMoreResult }) => ({
        ...shown,
        workflowRuns: appendPage(shown.workflowRuns, fetchMoreResult.workflowRuns),
      }),
    }),
  );
  // Steps name courses and groups by id: their titles come from the same lists the builder uses.
  const { courses, groups } = usePickerOptions();
  const names = new Map([...courses, ...groups].map((option) => [option.id.toLowerCase(), option.label]));
  useEffect(() => {
    document.title = "Workflows – Execution log";
  }, []);
  const filtered = Boolean(workflowId || contactId || outcome);

  return (
    <>
      <div className="page-heading">
        <h1>Workflows</h1>
        <button type="button" className="button button-secondary" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
      <WorkflowTabs />
      <h2>Execution log</h2>
      <div className="filters filters-compact" role="search" aria-label="Filter runs">
        <div className="field">
          <label htmlFor={`${id}-workflow`}>Workflow</label>
          <select id={`${id}-workflow`} value={workflowId} onChange={(event) => setFilter("workflow", event.target.value)}>
            <option value="">All workflows</option>
            {workflowNames.data?.workflows.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </div>
        <ContactFilter value={contactId} onChange={(value) => setFilter("contact", value)} />
        <div className="field">
          <label htmlFor={`${id}-outcome`}>Outcome</label>
          <select id={`${id}-outcome`} value={outcome} onChange={(event) => setFilter("outcome", event.target.value)}>
            <option value="">All outcomes</option>
            {RUN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {outcomeLabel(status)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading runs…" onRetry={() => void refetch()}>
        {({ workflowRuns }) => (
          <>
            <p className="hint" aria-live="polite">
              {workflowRuns.totalCount === 1 ? "1 run" : `${workflowRuns.totalCount} runs`}
            </p>
            {workflowRuns.edges.length === 0 ? (
              <p className="empty-state">{filtered ? "No runs match." : "No runs yet: a workflow runs when its trigger happens."}</p>
            ) : (
              <ul className="workflow-list" aria-label="Runs, newest first">
                {workflowRuns.edges.map(({ node }) => (
                  <RunItem key={node.id} run={node} names={names} />
                ))}
              </ul>
            )}
            {workflowRuns.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore(workflowRuns.pageInfo.endCursor)}
              >
                {loadingMore ? "Loading…" : "Load more"}
              </button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
