import { randomUUID } from "node:crypto";
import { type EntityManager, findPage, NotFoundError, type PageArgs, ValidationError } from "@portal/kit";
import { checkConditions } from "./conditions.js";
import { ensureDefaultWorkflows } from "./default-workflows.js";
import { WorkflowTrigger } from "./triggers.js";
import { unknownPlaceholder } from "./workflow-email.js";
import { type ActionType, type ConditionOperator, type WaitUnit, Workflow, type WorkflowAction } from "./workflow.entity.js";

export interface WorkflowFields {
  name: string;
  enabled?: boolean | null;
  trigger: WorkflowTrigger;
  conditions: { field: string; operator: ConditionOperator; value: string }[];
  actions: {
    type: ActionType;
    courseId?: string | null;
    groupId?: string | null;
    subject?: string | null;
    body?: string | null;
    amount?: number | null;
    unit?: WaitUnit | null;
  }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The business's workflows, oldest first; the defaults are given on first sight. Tenant-scoped `em`. */
export async function listWorkflows(em: EntityManager, businessId: string, args: PageArgs & { trigger?: WorkflowTrigger | null }) {
  await em.transactional((tx) => ensureDefaultWorkflows(tx, businessId));
  return findPage(em, Workflow, args.trigger ? { trigger: args.trigger } : {}, "createdAt", args);
}

export function findWorkflow(em: EntityManager, id: string): Promise<Workflow | null> {
  return UUID.test(id) ? em.findOne(Workflow, { id }) : Promise.resolve(null);
}

export async function createWorkflow(em: EntityManager, businessId: string, input: WorkflowFields): Promise<Workflow | ValidationError> {
  const cleaned = validate(input);
  if (cleaned instanceof ValidationError) return cleaned;
  return em.transactional(async (tx) => {
    await ensureDefaultWorkflows(tx, businessId);
    const workflow = tx.create(Workflow, { id: randomUUID(), businessId, ...cleaned });
    await tx.flush();
    return workflow;
  });
}

export async function updateWorkflow(
  em: EntityManager,
  id: string,
  input: WorkflowFields,
): Promise<Workflow | ValidationError | NotFoundError> {
  const cleaned = validate(input);
  if (cleaned instanceof ValidationError) return cleaned;
  const workflow = await findWorkflow(em, id);
  if (!workflow) return NotFoundError.of("No such workflow");
  Object.assign(workflow, cleaned, { updatedAt: new Date() });
  await em.flush();
  return workflow;
}

export async function setWorkflowEnabled(em: EntityManager, id: string, enabled: boolean): Promise<Workflow | NotFoundError> {
  const workflow = await findWorkflow(em, id);
  if (!workflow) return NotFoundError.of("No such workflow");
  workflow.enabled = enabled;
  workflow.updatedAt = new Date();
  await em.flush();
  return workflow;
}

export async function deleteWorkflow(em: EntityManager, id: string): Promise<string | NotFoundError> {
  const workflow = await findWorkflow(em, id);
  if (!workflow) return NotFoundError.of("No such workflow");
  await em.remove(workflow).flush();
  return id;
}

function validate(input: WorkflowFields) {
  const name = input.name.trim();
  if (!name) return ValidationError.of("name", "Enter a name");
  if (name.length > 200) return ValidationError.of("name", "At most 200 characters");
  if (!Object.values(WorkflowTrigger).includes(input.trigger)) return ValidationError.of("trigger", "Choose a trigger");
  const conditionProblem = checkConditions(input.trigger, input.conditions);
  if (conditionProblem) return ValidationError.of(conditionProblem.field, conditionProblem.message);
  if (input.actions.length === 0) return ValidationError.of("actions", "Add at least one action");
  if (input.actions.length > 20) return ValidationError.of("actions", "At most 20 actions");
  const actions: WorkflowAction[] = [];
  for (const [index, action] of input.actions.entries()) {
    const checked = validateAction(input.trigger, action, `actions.${index}`);
    if (checked instanceof ValidationError) return checked;
    actions.push(checked);
  }
  const conditions = input.conditions.map(({ field, operator, value }) => ({ field, operator, value: value.trim() }));
  return { name, enabled: input.enabled ?? true, trigger: input.trigger, conditions, actions };
}

/** Keeps only the fields the action's type uses, checked. */
function validateAction(trigger: WorkflowTrigger, action: WorkflowFields["actions"][number], at: string): WorkflowAction | ValidationError {
  switch (action.type) {
    case "ENROL_IN_COURSE":
      if (!action.courseId || !UUID.test(action.courseId)) return ValidationError.of(`${at}.courseId`, "Choose a course");
      return { type: action.type, courseId: action.courseId.toLowerCase() };
    case "ADD_TO_GROUP":
    case "REMOVE_FROM_GROUP":
      if (!action.groupId || !UUID.test(action.groupId)) return ValidationError.of(`${at}.groupId`, "Choose a group");
      return { type: action.type, groupId: action.groupId.toLowerCase() };
    case "GRANT_OFFER_ACCESS":
      if (trigger !== WorkflowTrigger.ORDER_PAID)
        return ValidationError.of(`${at}.type`, "Granting what an offer includes needs the “order paid” trigger");
      return { type: action.type };
    case "SEND_EMAIL": {
      const subject = action.subject?.trim() ?? "";
      const body = action.body?.trim() ?? "";
      if (!subject) return ValidationError.of(`${at}.subject`, "Enter a subject");
      if (subject.length > 200) return ValidationError.of(`${at}.subject`, "At most 200 characters");
      if (!body) return ValidationError.of(`${at}.body`, "Enter the email's text");
      if (body.length > 10_000) return ValidationError.of(`${at}.body`, "At most 10000 characters");
      for (const [part, text] of [
        ["subject", subject],
        ["body", body],
      ] as const) {
        const unknown = unknownPlaceholder(trigger, text);
        if (unknown) return ValidationError.of(`${at}.${part}`, `Unknown placeholder {{${unknown}}} for this trigger`);
      }
      return { type: action.type, subject, body };
    }
    case "WAIT":
      if (!action.unit) return ValidationError.of(`${at}.unit`, "Choose minutes, hours or days");
      if (!Number.isInteger(action.amount) || (action.amount ?? 0) < 1 || (action.amount ?? 0) > 365)
        return ValidationError.of(`${at}.amount`, "Wait between 1 and 365");
      return { type: action.type, amount: action.amount, unit: action.unit };
    case "INVITE_TO_PORTAL":
    case "MAKE_AFFILIATE":
      return { type: action.type };
    default:
      return ValidationError.of(`${at}.type`, "Choose an action");
  }
}
