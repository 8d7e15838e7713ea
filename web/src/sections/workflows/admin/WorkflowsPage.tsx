import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { WorkflowFieldsFragment } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useLoadMore } from "../../../shared/useLoadMore";
import { appendPage } from "./pagination";
import { actionLabel, formatWait, triggerLabel } from "./labels";
import { SetWorkflowEnabledDocument, WorkflowsDocument } from "./operations";
import { WorkflowTabs } from "./WorkflowTabs";

const PAGE_SIZE = 50;

/** The business's workflows, default ones included, each switched on or off in place. */
export function WorkflowsPage() {
  const [message, setMessage] = useState("");
  const { data, loading, error, refetch, fetchMore } = useQuery(WorkflowsDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore((options) =>
    fetchMore({
      ...options,
      updateQuery: (shown, { fetchMoreResult }) => ({ ...shown, workflows: appendPage(shown.workflows, fetchMoreResult.workflows) }),
    }),
  );
  useEffect(() => {
    document.title = "Workflows";
  }, []);
  return (
    <>
      <div className="page-heading">
        <h1>Workflows</h1>
        <Link className="button" to="/admin/workflows/new">
          New workflow
        </Link>
      </div>
      <WorkflowTabs />
      <p className="hint">When something happens, a workflow does what you choose: invite, enrol, add to a group, email, wait.</p>
      <p role="status" className="hint">
        {message}
      </p>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading workflows…" onRetry={() => void refetch()}>
        {({ workflows }) =>
          workflows.edges.length === 0 ? (
            <p className="empty-state">No workflows yet.</p>
          ) : (
            <>
              <ul className="workflow-list" aria-label="Workflows">
                {workflows.edges.map(({ node }) => (
                  <WorkflowItem key={node.id} workflow={node} onMessage={setMessage} />
                ))}
              </ul>
              {workflows.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore(workflows.pageInfo.endCursor)}
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

/** "Invite to the portal, then wait 2 days, then send an email". */
function stepsInWords(workflow: WorkflowFieldsFragment): string {
  return workflow.actions
    .map((action) =>
      action.type === "WAIT" && action.amount && action.unit ? `wait ${formatWait(action.amount, action.unit)}` : actionLabel(action.type),
    )
    .map((words, index) => (index === 0 ? words : words.charAt(0).toLowerCase() + words.slice(1)))
    .join(", then ");
}

function WorkflowItem({ workflow, onMessage }: { workflow: WorkflowFieldsFragment; onMessage: (message: string) => void }) {
  const [setEnabled, { loading }] = useMutation(SetWorkflowEnabledDocument);
  const toggle = async (enabled: boolean) => {
    const result = (await setEnabled({ variables: { id: workflow.id, enabled } }).catch(() => null))?.data?.setWorkflowEnabled;
    if (result?.__typename === "WorkflowSuccess") onMessage(`“${workflow.name}” is ${enabled ? "on" : "off"}.`);
    else onMessage(problemOf(result)?.message ?? `Could not turn “${workflow.name}” ${enabled ? "on" : "off"}. Try again.`);
  };
  const conditions = workflow.conditions.length;
  return (
    <li className="card workflow-item" data-testid="workflow-item">
      <div>
        <h2>
          <Link to={`/admin/workflows/${workflow.id}`}>{workflow.name}</Link>
        </h2>
        <p className="hint">
          When: {triggerLabel(workflow.trigger)}
          {conditions > 0 && ` (${conditions === 1 ? "1 condition" : `${conditions} conditions`})`}
          {workflow.isDefault && " · Built in"}
        </p>
        <p>{stepsInWords(workflow)}</p>
      </div>
      <label className="workflow-switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={workflow.enabled}
          checked={workflow.enabled}
          disabled={loading}
          onChange={(event) => void toggle(event.target.checked)}
        />
        On<span className="visually-hidden"> ({workflow.name})</span>
      </label>
    </li>
  );
}
