import { affiliates, communities, courses, identity } from "@portal/contracts";
import { consume, type ConsumerOf, ensureQueue, forkFor, KnownBusiness, type SubgraphDeps, workQueue } from "@portal/kit";
import { ensureDefaultWorkflows } from "./default-workflows.js";
import { type EngineSettings, finishStep, STEP_DUE_QUEUE, type StepDueJob, startRuns, stepDue } from "./run-engine.js";
import { TRIGGERS } from "./triggers.js";

/**
 * The workflow engine's own consumer (queues `automation_workflows__<event>`): it reads some events
 * automation's emails read too (an invoice sent both emails it and starts workflows), each on its own queue.
 */
export const WORKFLOWS_CONSUMER: ConsumerOf = { schema: "automation", name: "automation_workflows" };

const OUTCOMES = [
  identity.workflowActionFinished,
  courses.workflowActionFinished,
  communities.workflowActionFinished,
  affiliates.workflowActionFinished,
];

/** Triggers start runs, owners' answers move them on, due steps (waits, timeouts) wake them; every business has its defaults. */
export async function startWorkflowEngine(deps: SubgraphDeps, settings: EngineSettings): Promise<void> {
  await ensureQueue(deps.boss, STEP_DUE_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
  await consume(deps, WORKFLOWS_CONSUMER, identity.businessUpdated, async (event, em) => {
    await ensureDefaultWorkflows(em, event.payload.business.id);
  });
  for (const definition of TRIGGERS) {
    await consume(deps, WORKFLOWS_CONSUMER, definition.contract, async (event, em) => {
      const facts = event.businessId ? definition.facts(event.payload) : null;
      if (!facts || !event.businessId) return;
      await startRuns(em, settings, { eventId: event.eventId, businessId: event.businessId, trigger: definition.trigger, facts });
    });
  }
  for (const contract of OUTCOMES) {
    await consume(deps, WORKFLOWS_CONSUMER, contract, (event, em) => finishStep(em, settings, event.payload));
  }
  await workQueue<StepDueJob>(
    deps.boss,
    STEP_DUE_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 },
    async ([job]) => {
      await forkFor(deps.orm, job.data.businessId).transactional((em) => stepDue(em, settings, job.data));
    },
  );
  await backfillDefaults(deps);
}

/** Businesses automation knew before workflows existed get their defaults at start (once each). */
async function backfillDefaults(deps: SubgraphDeps): Promise<void> {
  const businesses = await forkFor(deps.orm, null).find(KnownBusiness, {}, { filters: { tenant: false }, fields: ["businessId"] });
  for (const { businessId } of businesses) {
    await forkFor(deps.orm, businessId).transactional((em) => ensureDefaultWorkflows(em, businessId));
  }
}
