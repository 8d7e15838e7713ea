import type { ActionType, WaitUnit } from "./workflowDraft";

/** What staff read for each trigger; the API's enum values never show. */
const TRIGGER_LABELS: Record<string, string> = {
  CONTACT_CREATED: "Contact created",
  INVOICE_SENT: "Invoice sent",
  INVOICE_PAID: "Invoice paid",
  DOCUMENT_SENT: "Document sent",
  DOCUMENT_COMPLETED: "Document completed",
  ORDER_PAID: "Order paid",
  COURSE_ACCESS_GRANTED: "Course access granted",
  COURSE_COMPLETED: "Course completed",
  APPOINTMENT_BOOKED: "Appointment booked",
  ADDED_TO_GROUP: "Added to a group",
  MEMBER_ADDED: "Added to a group",
  BECAME_AFFILIATE: "Became an affiliate",
  AFFILIATE_JOINED: "Became an affiliate",
};

export function triggerLabel(trigger: string): string {
  return TRIGGER_LABELS[trigger] ?? humanize(trigger);
}

export const ACTION_TYPES: ActionType[] = [
  "INVITE_TO_PORTAL",
  "ENROL_IN_COURSE",
  "ADD_TO_GROUP",
  "REMOVE_FROM_GROUP",
  "MAKE_AFFILIATE",
  "GRANT_OFFER_ACCESS",
  "SEND_EMAIL",
  "WAIT",
];

const ACTION_LABELS: Record<ActionType, string> = {
  INVITE_TO_PORTAL: "Invite to the portal",
  ENROL_IN_COURSE: "Enrol in a course",
  ADD_TO_GROUP: "Add to a community group",
  REMOVE_FROM_GROUP: "Remove from a community group",
  MAKE_AFFILIATE: "Make an affiliate",
  GRANT_OFFER_ACCESS: "Grant what the offer includes",
  SEND_EMAIL: "Send an email",
  WAIT: "Wait",
};

export function actionLabel(type: string): string {
  return ACTION_LABELS[type as ActionType] ?? humanize(type);
}

/** Granting an order's offer only makes sense when an order started the run. */
export function actionTypesFor(trigger: string): ActionType[] {
  return trigger === "ORDER_PAID" ? ACTION_TYPES : ACTION_TYPES.filter((type) => type !== "GRANT_OFFER_ACCESS");
}

export const WAIT_UNITS: WaitUnit[] = ["MINUTES", "HOURS", "DAYS"];

/** 1 DAYS → "1 day", 3 HOURS → "3 hours". */
export function formatWait(amount: number, unit: WaitUnit): string {
  const singular = { MINUTES: "minute", HOURS: "hour", DAYS: "day" }[unit];
  return `${amount} ${singular}${amount === 1 ? "" : "s"}`;
}

const OPERATOR_LABELS: Record<string, string> = {
  EQUALS: "is",
  NOT_EQUALS: "is not",
  GREATER_THAN: "is more than",
  LESS_THAN: "is less than",
  CONTAINS: "contains",
};

export function operatorLabel(operator: string): string {
  return OPERATOR_LABELS[operator] ?? humanize(operator).toLowerCase();
}

/** How a run or one of its steps ended, in the execution log's words. */
const OUTCOME_LABELS: Record<string, string> = {
  RUNNING: "Running",
  WAITING: "Waiting",
  PENDING: "Pending",
  DONE: "Done",
  COMPLETED: "Done",
  SUCCEEDED: "Done",
  SKIPPED: "Skipped",
  FAILED: "Failed",
  RETRIED: "Retried",
  STOPPED: "Stopped",
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? humanize(outcome);
}

/** 850 → "850 ms", 12_300 → "12.3 s", 3_900_000 → "1 h 5 min"; null while still going. */
export function formatDuration(milliseconds: number | null | undefined): string {
  if (milliseconds == null || milliseconds < 0) return "—";
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "ORDER_PAID" → "Order paid", for any value the API adds later. */
function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The execution log names a step's course or group by id ("Enrol in course 5f0c…"); staff read
 * its title instead when the console knows it, and the id stays for one it does not (deleted since).
 */
export function readableStepLabel(label: string, names: ReadonlyMap<string, string>): string {
  return label.replace(UUID, (id) => {
    const name = names.get(id.toLowerCase());
    return name ? `“${name}”` : id;
  });
}
