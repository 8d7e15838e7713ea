import { randomUUID } from "node:crypto";
import {
  callSubgraph,
  forkFor,
  makeCaller,
  runSubgraph,
  saveContactSnapshot,
  sql,
  testRuntime,
  type Caller,
  type RunningSubgraphProcess,
} from "@portal/kit";
import { inject } from "vitest";
import { createBillingSubgraph, type BillingOptions } from "../src/index.js";

export function startBilling(options: Partial<BillingOptions> = {}): Promise<RunningSubgraphProcess> {
  return runSubgraph(createBillingSubgraph({ testPayments: true, ...options }), testRuntime(inject("databaseUrl" as never) as string));
}

/**
 * Billing trusts the gateway's signed caller and keeps only copies of businesses and contacts
 * (owned by identity), so a tenant here is a fresh business id with a staff member and two contacts.
 */
export interface Tenant {
  businessId: string;
  staff: Caller;
  contactId: string;
  contact: Caller;
  otherContactId: string;
  otherContact: Caller;
}

export const staffIn = (businessId: string): Caller =>
  makeCaller({ businessId, actor: { kind: "staff", id: randomUUID(), role: "owner" } });
export const contactIn = (businessId: string, contactId: string): Caller =>
  makeCaller({ businessId, actor: { kind: "contact", id: contactId } });
export const apiKeyIn = (businessId: string, scopes: string[]): Caller =>
  makeCaller({ businessId, actor: { kind: "apiKey", id: randomUUID(), scopes } });
export const anonymousIn = (businessId: string | null): Caller => makeCaller({ businessId, actor: { kind: "anonymous", id: null } });

/** A tenant whose two contacts billing already knows, as if identity's `identity.contact.changed` had arrived. */
export async function newTenant(billing: RunningSubgraphProcess): Promise<Tenant> {
  const businessId = randomUUID();
  const contactId = randomUUID();
  const otherContactId = randomUUID();
  await knowContacts(billing, businessId, [contactId, otherContactId]);
  return {
    businessId,
    staff: staffIn(businessId),
    contactId,
    contact: contactIn(businessId, contactId),
    otherContactId,
    otherContact: contactIn(businessId, otherContactId),
  };
}

/** Records contacts in billing's copy of identity's data through the same upsert identity's events go through. */
export async function knowContacts(billing: RunningSubgraphProcess, businessId: string, contactIds: string[]): Promise<void> {
  const at = new Date().toISOString();
  await forkFor(billing.orm, businessId).transactional(async (em) => {
    for (const id of contactIds)
      await saveContactSnapshot(
        em,
        businessId,
        {
          id,
          name: `Contact ${id.slice(0, 8)}`,
          firstName: "Contact",
          email: `${id.slice(0, 8)}@client.test`,
          dnd: false,
          accessStatus: "NONE",
        },
        at,
      );
  });
}

/** Throws with the GraphQL errors so a failing test shows what went wrong. */
export async function gql<D = any>(
  billing: RunningSubgraphProcess,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<D> {
  const response = await callSubgraph<D>(billing.url, caller, query, variables);
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as D;
}

export const INVOICE_FIELDS = `id number status overdue currency subtotal discount tax total amountPaid amountRefunded amountDue issueDate dueDate notes memo contact { id } lines { description quantity unitPrice amount }`;
const RESULT = `__typename ... on InvoiceSuccess { invoice { ${INVOICE_FIELDS} } } ... on ValidationError { field message } ... on UserError { message } ... on InvoiceStateError { status }`;

export const MUTATIONS = {
  create: `mutation($input: InvoiceInput!) { createInvoice(input: $input) { ${RESULT} } }`,
  update: `mutation($id: ID!, $input: InvoiceInput!) { updateInvoice(id: $id, input: $input) { ${RESULT} } }`,
  send: `mutation($id: ID!) { sendInvoice(id: $id) { ${RESULT} } }`,
  sendWithInvite: `mutation($id: ID!, $inviteToPortal: Boolean) { sendInvoice(id: $id, inviteToPortal: $inviteToPortal) { ${RESULT} } }`,
  void: `mutation($id: ID!) { voidInvoice(id: $id) { ${RESULT} } }`,
  record: `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT} } }`,
  refund: `mutation($input: RefundInput!) { refundInvoice(input: $input) { ${RESULT} } }`,
  testPay: `mutation($id: ID!) { payInvoiceWithTestPayment(invoiceId: $id) { ${RESULT} } }`,
};

export const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function invoiceInput(contactId: string, overrides: Record<string, unknown> = {}) {
  return {
    contactId,
    currency: "USD",
    issueDate: daysFromToday(0),
    dueDate: daysFromToday(14),
    notes: "Thank you",
    memo: "internal",
    lines: [{ description: "Consulting", quantity: 2, unitPrice: 5000 }],
    ...overrides,
  };
}

/** Creates (and optionally sends) an invoice as the tenant's staff; returns the invoice. */
export async function createInvoice(
  billing: RunningSubgraphProcess,
  tenant: Tenant,
  options: { send?: boolean; contactId?: string; input?: Record<string, unknown> } = {},
) {
  const data = await gql(billing, tenant.staff, MUTATIONS.create, {
    input: invoiceInput(options.contactId ?? tenant.contactId, options.input),
  });
  if (data.createInvoice.__typename !== "InvoiceSuccess") throw new Error(JSON.stringify(data.createInvoice));
  if (!options.send) return data.createInvoice.invoice;
  const sent = await gql(billing, tenant.staff, MUTATIONS.send, { id: data.createInvoice.invoice.id });
  if (sent.sendInvoice.__typename !== "InvoiceSuccess") throw new Error(JSON.stringify(sent.sendInvoice));
  return sent.sendInvoice.invoice;
}

export interface OutboxRow {
  type: string;
  business_id: string;
  payload: Record<string, any>;
}

export function outboxEvents(billing: RunningSubgraphProcess, invoiceId: string): Promise<OutboxRow[]> {
  return sql<OutboxRow>(
    forkFor(billing.orm, null),
    `select type, business_id, payload from billing.outbox_event where payload->>'invoiceId' = ? order by created_at`,
    [invoiceId],
  );
}

/** Counts SQL statements the subgraph sends for requests while `work` runs (the background outbox relay excluded). */

export { countStatements } from "@portal/kit";
