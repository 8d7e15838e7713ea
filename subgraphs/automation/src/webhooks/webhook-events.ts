import { ALL_EVENTS, type EventContract } from "@portal/contracts";

/** Payload fields never sent to a receiver: one-time links (sealed secrets) and bulky file contents. */
const DROPPED_FIELDS = ["sealedLink", "receiptPdf"] as const;

function payloadKeys(contract: EventContract): string[] {
  const shape = (contract.payload as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * The events an endpoint may subscribe to: what happened in the business, not the platform's inner
 * plumbing. Left out: events whose very point is a one-time sign-in link (invitation, sign-in, email
 * change: their link is sealed with the platform secret and must never leave it, and without it they
 * say nothing an integrator can use), the commands a workflow sends a section ("invite", "enrol",
 * "add to group": their outcome is the section's own event) and the sections' answers to them.
 */
export const WEBHOOK_EVENTS: readonly EventContract[] = ALL_EVENTS.filter(
  (contract) =>
    !payloadKeys(contract).includes("sealedLink") &&
    !(contract.producer === "automation" && contract.name.endsWith("requested")) &&
    !contract.name.endsWith(".workflow_action.finished"),
);

export const WEBHOOK_EVENT_NAMES: ReadonlySet<string> = new Set(WEBHOOK_EVENTS.map((contract) => contract.name));

/** The event's payload as a receiver gets it: the contract's fields minus those in DROPPED_FIELDS. */
export function webhookData(payload: unknown): unknown {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const data: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const field of DROPPED_FIELDS) delete data[field];
  return data;
}

/** The Standard Webhooks body: `{ type, timestamp, data }`. */
export function webhookBody(type: string, occurredAt: string, payload: unknown): string {
  return JSON.stringify({ type, timestamp: occurredAt, data: webhookData(payload) });
}
