import type { TriggerFacts } from "./triggers.js";
import type { PlannedStep, WorkflowAction } from "./workflow.entity.js";

const UNIT_WORDS = { MINUTES: "minute", HOURS: "hour", DAYS: "day" } as const;

/** A readable name for an action in the execution log. */
export function labelOf(action: WorkflowAction): string {
  switch (action.type) {
    case "INVITE_TO_PORTAL":
      return "Invite to the portal";
    case "ENROL_IN_COURSE":
      return `Enrol in course ${action.courseId}`;
    case "ADD_TO_GROUP":
      return `Add to group ${action.groupId}`;
    case "REMOVE_FROM_GROUP":
      return `Remove from group ${action.groupId}`;
    case "MAKE_AFFILIATE":
      return "Make an affiliate";
    case "GRANT_OFFER_ACCESS":
      return "Grant what the offer includes";
    case "SEND_EMAIL":
      return `Send the email “${action.subject ?? ""}”`;
    case "WAIT": {
      const amount = action.amount ?? 1;
      const unit = UNIT_WORDS[action.unit ?? "MINUTES"];
      return `Wait ${amount} ${unit}${amount === 1 ? "" : "s"}`;
    }
  }
}

/**
 * The run's steps, fixed when it starts (editing the workflow later changes no running run). "Grant
 * what the offer includes" becomes one enrolment per course and one membership per group of the order.
 */
export function planSteps(actions: readonly WorkflowAction[], facts: TriggerFacts): PlannedStep[] {
  return actions.flatMap((action): PlannedStep[] => {
    if (action.type !== "GRANT_OFFER_ACCESS") return [{ action, label: labelOf(action) }];
    const grants = facts.grants ?? { courseIds: [], groupIds: [] };
    const steps: PlannedStep[] = [
      ...grants.courseIds.map((courseId) => ({
        action: { type: "ENROL_IN_COURSE" as const, courseId },
        label: `Grant the offer: enrol in course ${courseId}`,
      })),
      ...grants.groupIds.map((groupId) => ({
        action: { type: "ADD_TO_GROUP" as const, groupId },
        label: `Grant the offer: add to group ${groupId}`,
      })),
    ];
    return steps.length ? steps : [{ action, label: labelOf(action) }];
  });
}
