import type { PostgreSqlConnection } from "@mikro-orm/postgresql";
import { socketParams, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, createInvoice, gql, MUTATIONS, newTenant, startBilling, type Tenant } from "./helpers.js";

const SUBSCRIPTION = `subscription { invoiceChanged { id status amountDue memo } }`;
/** As the web app's live hook asks: the invoice's own fields, its payments and its last failed payment. */
const DETAILED = `subscription { invoiceChanged { id status amountDue memo lastPaymentError payments { id amount reference } } }`;

/** Subscribes as `caller` and collects what arrives. */
function listen(billing: RunningSubgraphProcess, caller: Caller, query = SUBSCRIPTION) {
  const client: Client = createClient({
    url: billing.url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: socketParams(caller),
  });
  const received: any[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query },
    {
      next: (value) => (value.errors ? errors.push(value.errors) : received.push(value.data!.invoiceChanged)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
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
    a = await newTenant(billing);
    b = await newTenant(billing);
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

  it("reads a changed invoice and its payments once for all its subscribers, each still getting the view of its role", async () => {
    const staff = Array.from({ length: 5 }, () => listen(billing, a.staff, DETAILED));
    const contact = listen(billing, a.contact, DETAILED);
    await settle();
    const invoice = await createInvoice(billing, a);
    await until(() => staff.every((listener) => listener.received.length >= 1));

    const reads: string[] = [];
    const knex = (billing.orm.em.getConnection() as PostgreSqlConnection).getKnex();
    const record = (query: { sql?: string }) => {
      if (/^select\b/i.test(query.sql ?? "") && !/pg_notify/.test(query.sql ?? "")) reads.push(query.sql!);
    };
    knex.on("query", record);
    try {
      await gql(billing, a.staff, MUTATIONS.send, { id: invoice.id });
      await until(() => staff.every((listener) => listener.received.length >= 2) && contact.received.length >= 1);
      await settle(300);
    } finally {
      knex.off("query", record);
    }
    // The mutation reads it to update it ("for update"); the six subscribers share one read of the
    // invoice, one of its payments and one of its payment attempts.
    const subscriberReads = reads.filter((sql) => sql.includes(invoice.id) && !/for update/i.test(sql));
    const from = (table: string) => subscriberReads.filter((sql) => sql.includes(`"billing"."${table}"`));
    expect(from("invoice")).toHaveLength(1);
    expect(from("payment")).toHaveLength(1);
    expect(subscriberReads).toHaveLength(3); // the invoice, its payments, its payment attempts
    expect(staff.every((listener) => listener.received[1].status === "OPEN" && listener.received[1].memo === "internal")).toBe(true);
    expect(contact.received.map((event) => [event.status, event.memo])).toEqual([["OPEN", null]]);
    await Promise.all([...staff, contact].map((listener) => listener.close()));
  });

  it("refuses anonymous subscribers", async () => {
    const anonymous = listen(billing, { ...a.staff, actor: { kind: "anonymous", id: null } });
    await until(() => anonymous.errors.length > 0);
    expect(JSON.stringify(anonymous.errors)).toMatch(/Sign in required|UNAUTHENTICATED/);
    await anonymous.close();
  });
});
