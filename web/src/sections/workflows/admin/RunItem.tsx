import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import type { WorkflowRunFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { problemOf } from "../../../shared/results";
import { formatDuration, outcomeLabel, readableStepLabel, triggerLabel } from "./labels";
import { RerunWorkflowRunDocument } from "./operations";

function OutcomeBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-run-${status.toLowerCase()}`} data-testid="run-outcome">
      {outcomeLabel(status)}
    </span>
  );
}

type Step = WorkflowRunFieldsFragment["steps"][number];

/** "Waiting until 3 Dec, 10:00" for a step still under way; nothing for a finished one. */
function stepTiming(step: Step): string | null {
  if (step.status !== "WAITING") return null;
  return step.dueAt ? `until ${formatDateTime(step.dueAt)}` : null;
}

/** One run: what started it, for whom, each step's outcome and why, and a re-run when it failed. */
export function RunItem({ run, names }: { run: WorkflowRunFieldsFragment; names: ReadonlyMap<string, string> }) {
  const [rerun, { loading }] = useMutation(RerunWorkflowRunDocument, { refetchQueries: ["WorkflowRuns"] });
  const [message, setMessage] = useState("");
  const retry = async () => {
    const result = (await rerun({ variables: { id: run.id } }).catch(() => null))?.data?.rerunWorkflowRun;
    setMessage(
      result?.__typename === "WorkflowRunSuccess"
        ? "Re-run started from the failed step."
        : (problemOf(result)?.message ?? "Could not re-run. Try again."),
    );
  };
  const titleId = `run-${run.id}`;
  return (
    <li className="card workflow-run" data-testid="workflow-run" aria-labelledby={titleId}>
      <header>
        <h2 id={titleId}>{run.workflowName}</h2>
        <OutcomeBadge status={run.status} />
      </header>
      <p>
        {run.triggerSummary || triggerLabel(run.trigger)} ·{" "}
        <Link to={`/admin/contacts/${run.contactId}`}>{run.contactName ?? "Contact"}</Link>
      </p>
      <p className="hint">
        Started {formatDateTime(run.startedAt)}
        {run.durationMs != null && ` · took ${formatDuration(run.durationMs)}`}
      </p>
      {run.reason && <p className={run.status === "FAILED" || run.status === "STOPPED" ? "alert alert-error" : "hint"}>{run.reason}</p>}
      {run.steps.length > 0 && (
        <ol className="workflow-run-steps" aria-label={`Steps of ${run.workflowName}`}>
          {run.steps.map((step) => (
            <li key={`${step.position}-${step.attempt}`} data-testid="run-step">
              {readableStepLabel(step.label, names)} <OutcomeBadge status={step.status} />
              {step.attempt > 1 && <span className="hint"> (attempt {step.attempt})</span>}
              {stepTiming(step) && <span className="hint"> {stepTiming(step)}</span>}
              {step.reason && <span className="hint"> — {step.reason}</span>}
            </li>
          ))}
        </ol>
      )}
      {run.status === "FAILED" && (
        <div className="actions">
          <button type="button" className="button button-secondary button-small" disabled={loading} onClick={() => void retry()}>
            {loading ? "Re-running…" : "Re-run from the failed step"}
            <span className="visually-hidden"> ({run.workflowName})</span>
          </button>
        </div>
      )}
      <p role="status" className="hint">
        {message}
      </p>
    </li>
  );
}
