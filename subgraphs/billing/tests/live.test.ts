import { signCaller, TEST_SECRET, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, createInvoice, gql, MUTATIONS, newTenant, startBilling, type Tenant } from "./helpers.js";

const SUBSCRIPTION = `subscription { invoiceChanged { id status amountDue memo } }`;

/** Subscribes as `caller` and collects what arrives. */
function listen(billing: RunningSubgraphProcess, caller: Caller) {
  const client: Client = createClient({ url: billing.url.replace("http", "ws"), webSocketImpl: WebSocket, connectionParams: signCaller(TEST_SECRET, { ...caller, issuedAt: Date.now() }) });
  const received: any[] = [];
  const errors: unknown[] = [];
  client.subscribe({ query: SUBSCRIPTION }, { next: (value) => (value.errors ? errors.push(value.errors) : received.push(value.data!.invoiceChanged)), error: (error) => errors.push(error), complete: () => undefined });
  return { received, errors, close: () => client.dispose() };
}

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for live updates");
    await settle(50);
  }
}

describe("invoiceChanged subscription", () => {
  let billing: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    billing = await startBilling();
    a = newTenant();
    b = newTenant();
  });
  afterAll(async () => {
    await billing?.stop();
  });

  it("delivers to the invoice's contact and its business's staff only", async () => {
    const contact = listen(billing, a.contact);
    const staff = listen(billing, a.staff);
    const readKey = listen(billing, apiKeyIn(a.businessId, ["read"]));
    const sibling = listen(billing, a.otherContact);
    const otherStaff = listen(billing, b.staff);
    const otherContact = listen(billing, { ...b.contact, actor: { kind: "contact", id: a.contactId } }); // same contact id, other business
    await settle();

    const invoice = await createInvoice(billing, a, { send: true });
    await gql(billing, a.contact, MUTATIONS.testPay, { id: invoice.id });
    await until(() => contact.received.length >= 2 && staff.received.length >= 3);
    await settle(300);

    expect(contact.received.map((event) => event.status)).toEqual(["OPEN", "PAID"]);
    expect(contact.received.every((event) => event.id === invoice.id && event.memo === null)).toBe(true);
    expect(staff.received.map((event) => event.status)).toEqual(["DRAFT", "OPEN", "PAID"]);
    expect(staff.received[0].memo).toBe("internal");
    expect(readKey.received).toHaveLength(3);
    for (const outsider of [sibling, otherStaff, otherContact]) expect(outsider.received).toEqual([]);
    await Promise.all([contact, staff, readKey, sibling, otherStaff, otherContact].map((listener) => listener.close()));
  });

  it("refuses anonymous subscribers", async () => {
    const anonymous = listen(billing, { ...a.staff, actor: { kind: "anonymous", id: null } });
    await until(() => anonymous.errors.length > 0);
    expect(JSON.stringify(anonymous.errors)).toMatch(/Sign in required|UNAUTHENTICATED/);
    await anonymous.close();
  });
});
