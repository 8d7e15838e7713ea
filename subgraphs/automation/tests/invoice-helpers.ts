import { randomUUID } from "node:crypto";
import type { DomainEvent, RunningSubgraphProcess } from "@portal/kit";
import type { TestBusiness } from "./helpers.js";

/** A contact as identity publishes it in `identity.contact.changed`. */
export function newContact(overrides: Partial<{ id: string; name: string; firstName: string; email: string; dnd: boolean; accessStatus: string }> = {}) {
  const id = randomUUID();
  return { id, name: "Grace Hopper", firstName: "Grace", email: `grace-${id.slice(0, 8)}@client.test`, dnd: false, accessStatus: "NONE", ...overrides };
}

export async function publishAt(running: RunningSubgraphProcess, type: string, business: TestBusiness, payload: Record<string, unknown>, occurredAt = new Date()): Promise<DomainEvent> {
  const event: DomainEvent = { eventId: randomUUID(), type, businessId: business.id, occurredAt: occurredAt.toISOString(), payload };
  await running.boss.publish(type, event as unknown as object);
  return event;
}

export const publishBusiness = (running: RunningSubgraphProcess, business: TestBusiness) =>
  publishAt(running, "identity.business.updated", business, { business });

export const publishContact = (running: RunningSubgraphProcess, business: TestBusiness, contact: ReturnType<typeof newContact>, occurredAt?: Date) =>
  publishAt(running, "identity.contact.changed", business, { contact }, occurredAt);

export function invoiceSent(contactId: string, overrides: Record<string, unknown> = {}) {
  const invoiceId = randomUUID();
  return { invoiceId, contactId, number: 42, currency: "USD", total: 125000, amountDue: 125000, dueDate: "2026-03-31", portalPath: `/invoices/${invoiceId}`, ...overrides };
}

export function invoicePaid(contactId: string, overrides: Record<string, unknown> = {}) {
  return { invoiceId: randomUUID(), contactId, number: 42, currency: "EUR", amountPaid: 9950, paidAt: "2026-03-14T10:30:00.000Z", method: "card", ...overrides };
}
