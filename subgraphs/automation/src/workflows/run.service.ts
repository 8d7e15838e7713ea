import { type EntityManager, findPage, KnownContact, mapConnection, NotFoundError, type PageArgs } from "@portal/kit";
import { type EngineSettings, rerun } from "./run-engine.js";
import { WorkflowRunStateError } from "./workflow.errors.js";
import { type RunStatus, WorkflowRun, WorkflowRunStep } from "./workflow.entity.js";

export interface RunFilters extends PageArgs {
  workflowId?: string | null;
  contactId?: string | null;
  status?: RunStatus | null;
}

export interface RunView {
  run: WorkflowRun;
  steps: WorkflowRunStep[];
  contactName: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The execution log, newest first, filtered; two queries more for the page's steps and contacts' names. */
export async function listRuns(em: EntityManager, filters: RunFilters) {
  for (const id of [filters.workflowId, filters.contactId]) if (id && !UUID.test(id)) return emptyPage();
  const where = {
    ...(filters.workflowId ? { workflowId: filters.workflowId } : {}),
    ...(filters.contactId ? { contactId: filters.contactId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  const page = await findPage(em, WorkflowRun, where, "startedAt", filters, "desc");
  const views = await viewsOf(
    em,
    page.edges.map((edge) => edge.node),
  );
  return mapConnection(page, (run) => views.get(run.id) as RunView);
}

function emptyPage() {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}

export async function findRunView(em: EntityManager, id: string): Promise<RunView | null> {
  const run = UUID.test(id) ? await em.findOne(WorkflowRun, { id }) : null;
  return run ? ((await viewsOf(em, [run])).get(run.id) ?? null) : null;
}

async function viewsOf(em: EntityManager, runs: WorkflowRun[]): Promise<Map<string, RunView>> {
  const ids = runs.map((run) => run.id);
  const steps = ids.length ? await em.find(WorkflowRunStep, { runId: { $in: ids } }, { orderBy: { seq: "asc" } }) : [];
  const contactIds = [...new Set(runs.map((run) => run.contactId))];
  const contacts = contactIds.length ? await em.find(KnownContact, { contactId: { $in: contactIds } }) : [];
  const names = new Map(contacts.map((contact) => [contact.contactId, contact.name]));
  return new Map(
    runs.map((run) => [
      run.id,
      { run, steps: steps.filter((step) => step.runId === run.id), contactName: names.get(run.contactId) ?? null },
    ]),
  );
}

/** Staff re-run a failed run from its failed step. */
export async function rerunRun(
  em: EntityManager,
  settings: EngineSettings,
  id: string,
): Promise<RunView | NotFoundError | WorkflowRunStateError> {
  const outcome = await em.transactional(async (tx) => {
    const run = UUID.test(id) ? await tx.findOne(WorkflowRun, { id }) : null;
    if (!run) return NotFoundError.of("No such workflow run");
    if (run.status !== "FAILED") return WorkflowRunStateError.of("Only a failed run can be re-run");
    await rerun(tx, settings, run);
    return run;
  });
  if (!(outcome instanceof WorkflowRun)) return outcome;
  em.clear();
  return (await findRunView(em, outcome.id)) as RunView;
}
