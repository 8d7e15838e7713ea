import { ConnectionType, errorType, NotFoundError } from "@portal/kit";
import { createUnionType, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { WorkflowTrigger } from "./triggers.js";
import { WorkflowRunStateError } from "./workflow.errors.js";
import { WorkflowActionType } from "./workflow.types.js";

export enum WorkflowRunStatus {
  RUNNING = "RUNNING",
  WAITING = "WAITING",
  DONE = "DONE",
  FAILED = "FAILED",
  STOPPED = "STOPPED",
}

export enum WorkflowStepStatus {
  WAITING = "WAITING",
  DONE = "DONE",
  SKIPPED = "SKIPPED",
  FAILED = "FAILED",
  RETRIED = "RETRIED",
}

registerEnumType(WorkflowRunStatus, {
  name: "WorkflowRunStatus",
  description: "Where a run stands.",
  valuesConfig: {
    RUNNING: { description: "A step is being carried out (waiting for its service's answer)." },
    WAITING: { description: "In a WAIT step." },
    DONE: { description: "Every step finished (done or skipped)." },
    FAILED: { description: "A step failed; staff may re-run it from that step." },
    STOPPED: { description: "Not run: the workflow seemed to trigger itself in a loop (`reason` says so)." },
  },
});
registerEnumType(WorkflowStepStatus, {
  name: "WorkflowStepStatus",
  description: "What became of one attempt at a step.",
  valuesConfig: {
    WAITING: { description: "Waiting for its service's answer, or for a wait to end." },
    DONE: { description: "Carried out." },
    SKIPPED: { description: "Nothing to do (`reason` says why, e.g. already invited)." },
    FAILED: { description: "Could not be carried out (`reason` says why)." },
    RETRIED: { description: "Failed, then staff re-ran the run: a later attempt follows." },
  },
});

errorType(WorkflowRunStateError, { description: "The run is not in a state that allows this (only failed runs are re-run)." });

@ObjectType("WorkflowRunStep", { description: "One attempt at one step of a run." })
export class WorkflowRunStepView {
  @Field(() => Int, { description: "0-based place of the step in the run's plan." })
  position!: number;
  @Field(() => Int, { description: "1 for the first attempt, higher after a re-run." })
  attempt!: number;
  @Field(() => WorkflowActionType, { description: "What the step does." })
  actionType!: WorkflowActionType;
  @Field(() => String, { description: "The step in words, e.g. `Enrol in course <id>`." })
  label!: string;
  @Field(() => WorkflowStepStatus, { description: "Its outcome." })
  status!: WorkflowStepStatus;
  @Field(() => String, { nullable: true, description: "Why it was skipped or failed." })
  reason!: string | null;
  @Field(() => GraphQLISODateTime, { description: "When it started." })
  startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it finished." })
  finishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "While waiting: when a wait ends, or when an unanswered step fails." })
  dueAt!: Date | null;
}

@ObjectType("WorkflowRun", { description: "One execution of a workflow for one contact, started by one trigger event." })
export class WorkflowRunView {
  @Field(() => ID, { description: "Run id." })
  id!: string;
  @Field(() => ID, { description: "The workflow (it may have been deleted since)." })
  workflowId!: string;
  @Field(() => String, { description: "The workflow's name when the run started." })
  workflowName!: string;
  @Field(() => WorkflowTrigger, { description: "What started it." })
  trigger!: WorkflowTrigger;
  @Field(() => String, { description: "The trigger in words, e.g. `Invoice #12 sent (€120.00)`." })
  triggerSummary!: string;
  @Field(() => ID, { description: "The contact it ran for." })
  contactId!: string;
  @Field(() => String, { nullable: true, description: "The contact's name, when known." })
  contactName!: string | null;
  @Field(() => WorkflowRunStatus, { description: "Where it stands." })
  status!: WorkflowRunStatus;
  @Field(() => String, { nullable: true, description: "Why it failed or was stopped." })
  reason!: string | null;
  @Field(() => GraphQLISODateTime, { description: "When it started." })
  startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it ended." })
  finishedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "How long it took, in milliseconds (once ended)." })
  durationMs!: number | null;
  @Field(() => [WorkflowRunStepView], { description: "Every attempt at every step, in order." })
  steps!: WorkflowRunStepView[];
}

export const WorkflowRunConnection = ConnectionType(WorkflowRunView, "WorkflowRun");

@ObjectType({ description: "The run after the change." })
export class WorkflowRunSuccess {
  @Field(() => WorkflowRunView, { description: "The run." })
  run!: WorkflowRunView;
}

export const RerunWorkflowRunResult = createUnionType({
  name: "RerunWorkflowRunResult",
  description: "Outcome of re-running a failed run.",
  types: () => [WorkflowRunSuccess, NotFoundError, WorkflowRunStateError] as const,
});
