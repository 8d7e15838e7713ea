import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { WorkflowTrigger } from "./triggers.js";

export type ConditionOperator = "EQUALS" | "NOT_EQUALS" | "GREATER_THAN" | "LESS_THAN" | "CONTAINS";

/** A test on one of the trigger's fields (values compared as the field's type). */
export interface WorkflowCondition {
  field: string;
  operator: ConditionOperator;
  value: string;
}

export type ActionType =
  | "INVITE_TO_PORTAL"
  | "ENROL_IN_COURSE"
  | "ADD_TO_GROUP"
  | "REMOVE_FROM_GROUP"
  | "MAKE_AFFILIATE"
  | "GRANT_OFFER_ACCESS"
  | "SEND_EMAIL"
  | "WAIT";

export type WaitUnit = "MINUTES" | "HOURS" | "DAYS";

/** One action as staff configured it; only the fields its type uses are set. */
export interface WorkflowAction {
  type: ActionType;
  courseId?: string | null;
  groupId?: string | null;
  subject?: string | null;
  body?: string | null;
  amount?: number | null;
  unit?: WaitUnit | null;
}

/** A business's rule: when the trigger happens and the conditions hold, do the actions in order. */
@Entity({ tableName: "workflow" })
@TenantScoped()
@Index({ properties: ["businessId", "trigger"] })
export class Workflow {
  [OptionalProps]?: "enabled" | "defaultKey" | "createdAt" | "updatedAt";
  @PrimaryKey({ type: "uuid" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "boolean" })
  enabled: boolean = true;
  @Property({ type: "text" })
  trigger!: WorkflowTrigger;
  @Property({ type: "jsonb" })
  conditions!: WorkflowCondition[];
  @Property({ type: "jsonb" })
  actions!: WorkflowAction[];
  /** Which built-in workflow this started as (e.g. `invoice-sent-invite`); null for staff's own. */
  @Property({ type: "text", nullable: true })
  defaultKey: string | null = null;
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
  @Property({ type: "datetime" })
  updatedAt: Date = new Date();
}

/** A business got its default workflows once; deleting one later does not bring it back. */
@Entity({ tableName: "workflow_defaults" })
@TenantScoped()
export class WorkflowDefaults {
  @PrimaryKey({ type: "uuid" })
  businessId!: string;
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}

export type RunStatus = "RUNNING" | "WAITING" | "DONE" | "FAILED" | "STOPPED";

/** One execution of a workflow for one contact and one trigger event (never two for the same pair). */
@Entity({ tableName: "workflow_run" })
@TenantScoped()
@Unique({ properties: ["workflowId", "triggerEventId", "contactId"] })
@Index({ properties: ["businessId", "startedAt"] })
@Index({ properties: ["workflowId", "contactId", "startedAt"] })
export class WorkflowRun {
  [OptionalProps]?: "reason" | "finishedAt" | "startedAt" | "nextSeq";
  @PrimaryKey({ type: "uuid" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  workflowId!: string;
  /** The workflow's name when the run started (the log stays readable after a rename or deletion). */
  @Property({ type: "text" })
  workflowName!: string;
  @Property({ type: "uuid" })
  triggerEventId!: string;
  @Property({ type: "text" })
  trigger!: WorkflowTrigger;
  @Property({ type: "text" })
  triggerSummary!: string;
  /** The trigger's facts, kept for later steps (an email after a wait, a re-run). */
  @Property({ type: "jsonb" })
  facts!: Record<string, unknown>;
  @Property({ type: "uuid" })
  contactId!: string;
  /** The actions as they were when the run started, GRANT_OFFER_ACCESS expanded into one step per grant. */
  @Property({ type: "jsonb" })
  plan!: PlannedStep[];
  @Property({ type: "text" })
  status!: RunStatus;
  /** Why it stopped or failed, in words staff can read. */
  @Property({ type: "text", nullable: true })
  reason: string | null = null;
  /** The next step row's number (the `<step>` of `workflow_run:<runId>:<step>`). */
  @Property({ type: "integer" })
  nextSeq: number = 0;
  @Property({ type: "datetime" })
  startedAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  finishedAt: Date | null = null;
}

/** A step of a run's plan: the action and a label for the log. */
export interface PlannedStep {
  action: WorkflowAction;
  label: string;
}

export type StepStatus = "WAITING" | "DONE" | "SKIPPED" | "FAILED" | "RETRIED";

/** One attempt at one planned step; a re-run adds a new attempt and marks the failed one RETRIED. */
@Entity({ tableName: "workflow_run_step" })
@TenantScoped()
@Unique({ properties: ["runId", "seq"] })
export class WorkflowRunStep {
  [OptionalProps]?: "reason" | "finishedAt" | "startedAt" | "dueAt" | "attempt";
  @PrimaryKey({ type: "uuid" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  runId!: string;
  @Property({ type: "integer" })
  seq!: number;
  /** Index in the run's plan. */
  @Property({ type: "integer" })
  position!: number;
  @Property({ type: "integer" })
  attempt: number = 1;
  @Property({ type: "text" })
  status!: StepStatus;
  @Property({ type: "text", nullable: true })
  reason: string | null = null;
  /** A wait's end, or when an owner's answer is given up on. */
  @Property({ type: "datetime", nullable: true })
  dueAt: Date | null = null;
  @Property({ type: "datetime" })
  startedAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  finishedAt: Date | null = null;
}
