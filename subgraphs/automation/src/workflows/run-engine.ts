import { randomUUID } from "node:crypto";
import { type ActionOutcome, affiliates, communities, courses, identity } from "@portal/contracts";
import { type EntityManager, jobDbFor, KnownContact, publish } from "@portal/kit";
import type { DeliverySettings } from "../delivery/enqueue-email.js";
import { conditionsHold, type FactValue } from "./conditions.js";
import { ensureDefaultWorkflows } from "./default-workflows.js";
import { planSteps } from "./run-plan.js";
import type { TriggerFacts, WorkflowTrigger } from "./triggers.js";
import { sendWorkflowEmail } from "./workflow-email.js";
import { type PlannedStep, Workflow, WorkflowRun, WorkflowRunStep } from "./workflow.entity.js";

/** The queue of steps falling due: a wait's end, or an owner's answer given up on. */
export const STEP_DUE_QUEUE = "automation.workflow_step_due";

export interface StepDueJob {
  businessId: string;
  runId: string;
  seq: number;
}

export interface EngineSettings {
  delivery: DeliverySettings;
  /** How long a step waits for its owner's answer before it is FAILED (default one hour). */
  stepTimeoutSeconds: number;
}

/** More runs than this of one workflow for one contact within LOOP_WINDOW_MS: the workflow triggers itself. */
export const LOOP_LIMIT = 5;
export const LOOP_WINDOW_MS = 60_000;

const UNIT_MS = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

export interface TriggerEvent {
  eventId: string;
  businessId: string;
  trigger: WorkflowTrigger;
  facts: TriggerFacts;
}

/**
 * A trigger arrived: every enabled workflow of the business on it whose conditions hold starts one
 * run per contact the event is about. The (workflow, event, contact) key is unique, so a redelivered
 * event starts nothing new. Runs on the consumer's transaction.
 */
export async function startRuns(em: EntityManager, settings: EngineSettings, event: TriggerEvent): Promise<WorkflowRun[]> {
  await ensureDefaultWorkflows(em, event.businessId);
  const workflows = await em.find(Workflow, { trigger: event.trigger, enabled: true }, { orderBy: { createdAt: "asc", id: "asc" } });
  const started: WorkflowRun[] = [];
  for (const contactId of [...new Set(event.facts.contactIds)]) {
    const contact = await em.findOne(KnownContact, { contactId });
    const values: Record<string, FactValue> = {
      ...event.facts.values,
      contactHasPortalAccess: contact ? contact.accessStatus === "INVITED" || contact.accessStatus === "ACTIVE" : false,
    };
    for (const workflow of workflows) {
      if (!conditionsHold(event.trigger, workflow.conditions, values)) continue;
      if (await em.findOne(WorkflowRun, { workflowId: workflow.id, triggerEventId: event.eventId, contactId })) continue;
      started.push(await startRun(em, settings, workflow, event, contactId));
    }
  }
  return started;
}

async function startRun(em: EntityManager, settings: EngineSettings, workflow: Workflow, event: TriggerEvent, contactId: string) {
  const recent = await em.count(WorkflowRun, {
    workflowId: workflow.id,
    contactId,
    startedAt: { $gt: new Date(Date.now() - LOOP_WINDOW_MS) },
  });
  const looping = recent >= LOOP_LIMIT;
  const run = em.create(WorkflowRun, {
    id: randomUUID(),
    businessId: event.businessId,
    workflowId: workflow.id,
    workflowName: workflow.name,
    triggerEventId: event.eventId,
    trigger: event.trigger,
    triggerSummary: event.facts.summary,
    facts: event.facts as unknown as Record<string, unknown>,
    contactId,
    plan: planSteps(workflow.actions, event.facts),
    status: looping ? "STOPPED" : "RUNNING",
    reason: looping
      ? `Stopped: this workflow already ran ${recent} times for this contact in the last minute, so it seems to trigger itself`
      : null,
    finishedAt: looping ? new Date() : null,
  });
  await em.flush();
  if (!looping) await advance(em, settings, run);
  return run;
}

/**
 * Carries the run on from its latest step: starts the next planned step, and the one after while
 * they finish at once (an email, a skip), until one waits (an owner's answer, a WAIT) or the plan
 * ends. A FAILED step fails the run; SKIPPED goes on.
 */
export async function advance(em: EntityManager, settings: EngineSettings, run: WorkflowRun): Promise<void> {
  for (;;) {
    const latest = await em.findOne(WorkflowRunStep, { runId: run.id }, { orderBy: { seq: "desc" } });
    if (latest?.status === "WAITING") return;
    if (latest?.status === "FAILED") {
      finishRun(run, "FAILED", `Step ${latest.position + 1} failed: ${latest.reason ?? "no reason given"}`);
      await em.flush();
      return;
    }
    const position = !latest ? 0 : latest.status === "RETRIED" ? latest.position : latest.position + 1;
    const planned = run.plan[position];
    if (!planned) {
      finishRun(run, "DONE", null);
      await em.flush();
      return;
    }
    const attempt = (await em.count(WorkflowRunStep, { runId: run.id, position })) + 1;
    const step = em.create(WorkflowRunStep, {
      id: randomUUID(),
      businessId: run.businessId,
      runId: run.id,
      seq: run.nextSeq,
      position,
      attempt,
      status: "WAITING",
    });
    run.nextSeq += 1;
    run.status = "RUNNING";
    run.reason = null;
    await em.flush();
    await perform(em, settings, run, step, planned);
    await em.flush();
  }
}

function finishRun(run: WorkflowRun, status: "DONE" | "FAILED", reason: string | null) {
  run.status = status;
  run.reason = reason;
  run.finishedAt = new Date();
}

export function sourceOf(run: WorkflowRun, step: WorkflowRunStep): string {
  return `workflow_run:${run.id}:${step.seq}`;
}

async function perform(em: EntityManager, settings: EngineSettings, run: WorkflowRun, step: WorkflowRunStep, planned: PlannedStep) {
  const { action } = planned;
  const facts = run.facts as unknown as TriggerFacts;
  const source = sourceOf(run, step);
  const { businessId, contactId } = run;
  switch (action.type) {
    case "SEND_EMAIL": {
      const outcome = await sendWorkflowEmail(em, settings.delivery, {
        businessId,
        contactId,
        subject: action.subject ?? "",
        body: action.body ?? "",
        triggerValues: facts.values,
        next: facts.next,
        eventId: run.triggerEventId,
      });
      return settle(step, outcome.status, outcome.reason);
    }
    case "WAIT": {
      const dueAt = new Date(Date.now() + (action.amount ?? 1) * UNIT_MS[action.unit ?? "MINUTES"]);
      run.status = "WAITING";
      return awaitDue(em, settings, step, dueAt);
    }
    case "GRANT_OFFER_ACCESS":
      // Only left in a plan when the order granted nothing (else expanded into enrol/add steps).
      return settle(step, "SKIPPED", "The order grants no course or group");
    case "INVITE_TO_PORTAL":
      publish(em, identity.inviteRequested, businessId, { contactId, source, ...(facts.next ? { next: facts.next } : {}) });
      break;
    case "ENROL_IN_COURSE":
      publish(em, courses.enrolmentRequested, businessId, { courseId: action.courseId ?? "", contactId, inviteToPortal: false, source });
      break;
    case "ADD_TO_GROUP":
      publish(em, communities.memberAddRequested, businessId, { groupId: action.groupId ?? "", contactId, inviteToPortal: false, source });
      break;
    case "REMOVE_FROM_GROUP":
      publish(em, communities.memberRemoveRequested, businessId, { groupId: action.groupId ?? "", contactId, source });
      break;
    case "MAKE_AFFILIATE":
      publish(em, affiliates.affiliateRequested, businessId, { contactId, inviteToPortal: false, source });
      break;
  }
  await awaitDue(em, settings, step, new Date(Date.now() + settings.stepTimeoutSeconds * 1000));
}

function settle(step: WorkflowRunStep, status: ActionOutcome["status"], reason: string | null) {
  step.status = status;
  step.reason = reason;
  step.finishedAt = new Date();
  step.dueAt = null;
}

/** The step waits until `dueAt`: a job is queued on the same transaction, so a restart loses nothing. */
async function awaitDue(em: EntityManager, settings: EngineSettings, step: WorkflowRunStep, dueAt: Date) {
  step.dueAt = dueAt;
  await em.flush();
  const job: StepDueJob = { businessId: step.businessId, runId: step.runId, seq: step.seq };
  await settings.delivery.boss.send(STEP_DUE_QUEUE, job as unknown as object, { db: jobDbFor(em), startAfter: dueAt, retryLimit: 5 });
}

/** An owner answered a step's command: record it and go on (an answer after the timeout still counts while the run has not moved on). */
export async function finishStep(em: EntityManager, settings: EngineSettings, outcome: ActionOutcome): Promise<void> {
  const match = /^workflow_run:([0-9a-f-]{36}):(\d{1,3})$/i.exec(outcome.source);
  if (!match) return;
  const [runId, seq] = [match[1] as string, Number(match[2])];
  const run = await em.findOne(WorkflowRun, { id: runId });
  const step = run && (await em.findOne(WorkflowRunStep, { runId, seq }));
  if (!run || !step) return;
  const latest = await em.findOne(WorkflowRunStep, { runId }, { orderBy: { seq: "desc" } });
  const lateAnswer = step.status === "FAILED" && run.status === "FAILED" && latest?.seq === step.seq && step.reason?.startsWith(NO_ANSWER);
  if (step.status !== "WAITING" && !lateAnswer) return;
  settle(step, outcome.status, outcome.reason);
  if (lateAnswer) run.finishedAt = null;
  await em.flush();
  await advance(em, settings, run);
}

const NO_ANSWER = "No answer from";

/** A step's due job ran: a wait ends, or a command still unanswered fails. */
export async function stepDue(em: EntityManager, settings: EngineSettings, job: StepDueJob): Promise<void> {
  const run = await em.findOne(WorkflowRun, { id: job.runId });
  const step = run && (await em.findOne(WorkflowRunStep, { runId: job.runId, seq: job.seq }));
  if (!run || !step || step.status !== "WAITING") return;
  const planned = run.plan[step.position];
  if (planned?.action.type === "WAIT") settle(step, "DONE", null);
  else settle(step, "FAILED", `${NO_ANSWER} ${ownerOf(planned)} within ${describeSeconds(settings.stepTimeoutSeconds)}`);
  await em.flush();
  await advance(em, settings, run);
}

function ownerOf(planned: PlannedStep | undefined): string {
  switch (planned?.action.type) {
    case "INVITE_TO_PORTAL":
      return "the portal's contacts service";
    case "ENROL_IN_COURSE":
      return "courses";
    case "ADD_TO_GROUP":
    case "REMOVE_FROM_GROUP":
      return "communities";
    case "MAKE_AFFILIATE":
      return "affiliates";
    default:
      return "the action's service";
  }
}

function describeSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour(s)`;
  if (seconds % 60 === 0) return `${seconds / 60} minute(s)`;
  return `${seconds} second(s)`;
}

/** Staff re-run a failed run from its failed step: that attempt is marked RETRIED and a new one starts. */
export async function rerun(em: EntityManager, settings: EngineSettings, run: WorkflowRun): Promise<void> {
  const latest = await em.findOne(WorkflowRunStep, { runId: run.id }, { orderBy: { seq: "desc" } });
  if (latest?.status === "FAILED") latest.status = "RETRIED";
  run.status = "RUNNING";
  run.reason = null;
  run.finishedAt = null;
  await em.flush();
  await advance(em, settings, run);
}
