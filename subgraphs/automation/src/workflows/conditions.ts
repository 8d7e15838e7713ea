import { type TriggerField, TriggerFieldType, fieldsOf, type WorkflowTrigger } from "./triggers.js";
import type { ConditionOperator, WorkflowCondition } from "./workflow.entity.js";

export type FactValue = string | number | boolean | null | undefined;

/** Which operators make sense for a field of each type. */
export const OPERATORS_BY_TYPE: Record<TriggerFieldType, readonly ConditionOperator[]> = {
  [TriggerFieldType.ID]: ["EQUALS", "NOT_EQUALS"],
  [TriggerFieldType.TEXT]: ["EQUALS", "NOT_EQUALS", "CONTAINS"],
  [TriggerFieldType.NUMBER]: ["EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN"],
  [TriggerFieldType.BOOLEAN]: ["EQUALS", "NOT_EQUALS"],
};

/** A problem with one condition, naming its index and part (`conditions.1.value`). */
export interface ConditionProblem {
  field: string;
  message: string;
}

export function checkConditions(trigger: WorkflowTrigger, conditions: readonly WorkflowCondition[]): ConditionProblem | null {
  const fields = fieldsOf(trigger);
  if (conditions.length > 20) return { field: "conditions", message: "At most 20 conditions" };
  for (const [index, condition] of conditions.entries()) {
    const known = fields.find((candidate) => candidate.name === condition.field);
    if (!known) return { field: `conditions.${index}.field`, message: `The trigger has no field “${condition.field}”` };
    if (!OPERATORS_BY_TYPE[known.type].includes(condition.operator))
      return { field: `conditions.${index}.operator`, message: `“${condition.operator}” does not apply to ${known.label.toLowerCase()}` };
    const problem = valueProblem(known, condition.value);
    if (problem) return { field: `conditions.${index}.value`, message: problem };
  }
  return null;
}

function valueProblem(field: TriggerField, value: string): string | null {
  if (value.length > 500) return "At most 500 characters";
  if (field.type === TriggerFieldType.NUMBER && !Number.isFinite(Number(value))) return "Enter a number";
  if (field.type === TriggerFieldType.NUMBER && value.trim() === "") return "Enter a number";
  if (field.type === TriggerFieldType.BOOLEAN && value !== "true" && value !== "false") return "Enter true or false";
  if (field.type === TriggerFieldType.ID && value.trim() === "") return "Choose a value";
  return null;
}

/** True when every condition holds for these facts (no conditions: always). */
export function conditionsHold(
  trigger: WorkflowTrigger,
  conditions: readonly WorkflowCondition[],
  values: Record<string, FactValue>,
): boolean {
  const fields = fieldsOf(trigger);
  return conditions.every((condition) => {
    const type = fields.find((candidate) => candidate.name === condition.field)?.type ?? TriggerFieldType.TEXT;
    return holds(type, condition.operator, values[condition.field], condition.value);
  });
}

function holds(type: TriggerFieldType, operator: ConditionOperator, actual: FactValue, expected: string): boolean {
  if (actual === null || actual === undefined) return operator === "NOT_EQUALS";
  if (type === TriggerFieldType.NUMBER) {
    const [a, b] = [Number(actual), Number(expected)];
    if (operator === "GREATER_THAN") return a > b;
    if (operator === "LESS_THAN") return a < b;
    return operator === "EQUALS" ? a === b : a !== b;
  }
  const [a, b] =
    type === TriggerFieldType.ID || type === TriggerFieldType.TEXT
      ? [String(actual).trim().toLowerCase(), expected.trim().toLowerCase()]
      : [String(actual), expected];
  if (operator === "CONTAINS") return a.includes(b);
  return operator === "EQUALS" ? a === b : a !== b;
}
