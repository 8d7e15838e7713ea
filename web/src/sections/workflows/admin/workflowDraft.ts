import type { Problem } from "../../../shared/results";

/**
 * A workflow as staff edit it in the builder: text inputs and choices, turned into the API's
 * input on save. Rows carry a stable `key` so moving or removing one keeps focus on the right row.
 */
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

export interface ConditionDraft {
  key: string;
  field: string;
  operator: string;
  value: string;
}

export interface ActionDraft {
  key: string;
  type: ActionType;
  courseId: string;
  groupId: string;
  subject: string;
  body: string;
  /** Whole number as typed, for WAIT. */
  amount: string;
  unit: WaitUnit;
}

export interface WorkflowDraft {
  name: string;
  enabled: boolean;
  trigger: string;
  conditions: ConditionDraft[];
  actions: ActionDraft[];
}

/** What the API stores for one action; the settings an action type does not use are null. */
export interface ActionValue {
  type: ActionType;
  courseId?: string | null;
  groupId?: string | null;
  subject?: string | null;
  body?: string | null;
  amount?: number | null;
  unit?: WaitUnit | null;
}

export interface ConditionValue {
  field: string;
  operator: string;
  value: string;
}

export interface WorkflowValue {
  name: string;
  enabled: boolean;
  trigger: string;
  conditions: ConditionValue[];
  actions: ActionValue[];
}

let nextKey = 0;
function key(prefix: string): string {
  nextKey += 1;
  return `${prefix}-${nextKey}`;
}

export function newCondition(field = "", operator = "EQUALS"): ConditionDraft {
  return { key: key("condition"), field, operator, value: "" };
}

export function newAction(type: ActionType = "INVITE_TO_PORTAL"): ActionDraft {
  return { key: key("action"), type, courseId: "", groupId: "", subject: "", body: "", amount: "1", unit: "DAYS" };
}

export function newWorkflowDraft(trigger: string): WorkflowDraft {
  return { name: "", enabled: true, trigger, conditions: [], actions: [newAction()] };
}

export function draftFromWorkflow(workflow: WorkflowValue): WorkflowDraft {
  return {
    name: workflow.name,
    enabled: workflow.enabled,
    trigger: workflow.trigger,
    conditions: workflow.conditions.map((condition) => ({
      ...newCondition(condition.field, condition.operator),
      value: condition.value,
    })),
    actions: workflow.actions.map((action) => ({
      ...newAction(action.type),
      courseId: action.courseId ?? "",
      groupId: action.groupId ?? "",
      subject: action.subject ?? "",
      body: action.body ?? "",
      amount: action.amount == null ? "1" : String(action.amount),
      unit: action.unit ?? "DAYS",
    })),
  };
}

/** The list with the row at `index` swapped with its neighbour `by` places away; unchanged at an end. */
export function moveRow<T>(rows: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return rows;
  const moved = [...rows];
  [moved[index], moved[target]] = [moved[target] as T, moved[index] as T];
  return moved;
}

export function removeRow<T>(rows: T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}

export function replaceRow<T>(rows: T[], index: number, patch: Partial<T>): T[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

/** The most units a wait may count, whatever the unit (the API's limit). */
const WAIT_LIMIT = 365;

function actionValue(action: ActionDraft, index: number): ActionValue | Problem {
  const fail = (field: string, message: string): Problem => ({ kind: "ValidationError", field: `actions.${index}.${field}`, message });
  const base: ActionValue = { type: action.type };
  switch (action.type) {
    case "ENROL_IN_COURSE":
      return action.courseId ? { ...base, courseId: action.courseId } : fail("courseId", "Choose the course to enrol them in");
    case "ADD_TO_GROUP":
    case "REMOVE_FROM_GROUP":
      return action.groupId ? { ...base, groupId: action.groupId } : fail("groupId", "Choose the community group");
    case "SEND_EMAIL":
      if (!action.subject.trim()) return fail("subject", "Enter the email's subject");
      if (!action.body.trim()) return fail("body", "Enter the email's text");
      return { ...base, subject: action.subject.trim(), body: action.body };
    case "WAIT": {
      const amount = /^\s*\d+\s*$/.test(action.amount) ? Number(action.amount) : Number.NaN;
      if (!Number.isInteger(amount) || amount < 1 || amount > WAIT_LIMIT)
        return fail("amount", `Enter a whole number from 1 to ${WAIT_LIMIT}`);
      return { ...base, amount, unit: action.unit };
    }
    default:
      return base;
  }
}

function isProblem(value: object): value is Problem {
  return "kind" in value && "message" in value;
}

/**
 * The API input, or the first thing that cannot be saved, named like the server's ValidationError
 * paths (`name`, `conditions.0.value`, `actions.2.courseId`) so both show beside the same input.
 */
export function draftToValue(draft: WorkflowDraft): { value: WorkflowValue } | { problem: Problem } {
  const fail = (field: string, message: string) => ({ problem: { kind: "ValidationError", field, message } });
  if (!draft.name.trim()) return fail("name", "Give the workflow a name");
  if (!draft.trigger) return fail("trigger", "Choose what starts the workflow");
  const conditions: ConditionValue[] = [];
  for (const [index, condition] of draft.conditions.entries()) {
    if (!condition.field) return fail(`conditions.${index}.field`, "Choose what to check");
    if (!condition.value.trim()) return fail(`conditions.${index}.value`, "Enter the value to compare with");
    conditions.push({ field: condition.field, operator: condition.operator, value: condition.value.trim() });
  }
  if (draft.actions.length === 0) return fail("actions", "Add at least one action");
  const actions: ActionValue[] = [];
  for (const [index, action] of draft.actions.entries()) {
    const value = actionValue(action, index);
    if (isProblem(value)) return { problem: value };
    actions.push(value);
  }
  return { value: { name: draft.name.trim(), enabled: draft.enabled, trigger: draft.trigger, conditions, actions } };
}
