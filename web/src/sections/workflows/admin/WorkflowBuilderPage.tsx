import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { WorkflowDocument, WorkflowOfferOptionsDocument, WorkflowTriggersDocument } from "./operations";
import { WorkflowForm } from "./WorkflowForm";

/** /admin/workflows/new and /admin/workflows/:workflowId: the builder, once the triggers' fields are known. */
export function WorkflowBuilderPage() {
  const { workflowId } = useParams();
  const triggers = useQuery(WorkflowTriggersDocument);
  // Offers name the "order paid" condition's values; billing being down leaves a plain text box.
  const offers = useQuery(WorkflowOfferOptionsDocument, { errorPolicy: "all" });
  const existing = useQuery(WorkflowDocument, { variables: { id: workflowId ?? "" }, skip: !workflowId });
  useEffect(() => {
    document.title = workflowId ? "Edit workflow" : "New workflow";
  }, [workflowId]);
  const offerOptions = offers.data?.offers?.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [];
  const loading = triggers.loading || existing.loading;
  const error = triggers.error ?? existing.error;
  const data = triggers.data && (!workflowId || existing.data) ? { triggers: triggers.data, workflow: existing.data?.workflow } : undefined;
  return (
    <>
      <BackLink to="/admin/workflows" label="Back to workflows" />
      <QueryState
        loading={loading}
        error={error}
        data={data}
        loadingLabel="Loading the workflow…"
        onRetry={() => void Promise.all([triggers.refetch(), workflowId ? existing.refetch() : null])}
      >
        {({ triggers: { workflowTriggers }, workflow }) =>
          workflowId && !workflow ? (
            <>
              <h1>Workflow not found</h1>
              <Link to="/admin/workflows">Back to workflows</Link>
            </>
          ) : (
            <WorkflowForm key={workflow?.id ?? "new"} existing={workflow ?? undefined} triggers={workflowTriggers} offers={offerOptions} />
          )
        }
      </QueryState>
    </>
  );
}
