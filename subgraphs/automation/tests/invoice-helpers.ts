import { randomUUID } from "node:crypto";
import { billing, identity, type ContactSnapshot, type EventContract, type PayloadInputOf, type PayloadOf } from "@portal/contracts";
import { deliverEvent, type DomainEvent, type RunningSubgraphProcess } from "@portal/kit";
import type { TestBusiness } from "./helpers.js";

/** A contact as identity publishes it in `identity.contact.changed`. */
export function newContact(overrides: Partial<ContactSnapshot> = {}): ContactSnapshot {
  const id = randomUUID();
  return {
    id,
    name: "Grace Hopper",
    firstName: "Grace",
    email: `grace-${id.slice(0, 8)}@client.test`,
    dnd: false,
    accessStatus: "NONE",
    ...overrides,
  };
}

/** Publishes `contract`'s event for `business` as its producer's outbox relay would; the payload must match the contract. */
export function publishAt<C extends EventContract>(
  running: RunningSubgraphProcess,
  contract: C,
  business: TestBusiness,
  payload: PayloadInputOf<C>,
  occurredAt = new Date(),
): Promise<DomainEvent<PayloadOf<C>>> {
  return deliverEvent(running.boss, contract, business.id, payload, { occurredAt });
}

export const publishBusiness = (running: RunningSubgraphProcess, business: TestBusiness) =>
  publishAt(running, identity.businessUpdated, business, { business });

export const publishContact = (running: RunningSubgraphProcess, business: TestBusiness, contact: ContactSnapshot, occurredAt?: Date) =>
  publishAt(running, identity.contactChanged, business, { contact }, occurredAt);

type InvoiceSent = PayloadInputOf<typeof billing.invoiceSent>;
type InvoicePaid = PayloadInputOf<typeof billing.invoicePaid>;

export function invoiceSent(contactId: string, overrides: Partial<InvoiceSent> = {}): InvoiceSent {
  const invoiceId = randomUUID();
  return {
    invoiceId,
    contactId,
    number: 42,
    currency: "USD",
    total: 125000,
    amountDue: 125000,
    dueDate: "2026-03-31",
    portalPath: `/invoices/${invoiceId}`,
    ...overrides,
  };
}

export function invoicePaid(contactId: string, overrides: Partial<InvoicePaid> = {}): InvoicePaid {
  return {
    invoiceId: randomUUID(),
    contactId,
    number: 42,
    currency: "EUR",
    amountPaid: 9950,
    paidAt: "2026-03-14T10:30:00.000Z",
    method: "card",
    ...overrides,
  };
}
