import { randomUUID } from "node:crypto";
import { callSubgraph, forkFor, sql, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeyIn,
  contactIn,
  createInvoice,
  gql,
  invoiceInput,
  MUTATIONS,
  newTenant,
  outboxEvents,
  startBilling,
  type Tenant,
} from "./helpers.js";

/** Another business's ids are refused or not found, and nothing is written in either business. */
describe("ids of another business", () => {
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

  const invoiceCount = async (businessId: string) =>
    Number(
      (
        await sql<{ count: string }>(forkFor(billing.orm, null), `select count(*) from billing.invoice where business_id = ?`, [businessId])
      )[0]!.count,
    );

  it("createInvoice refuses another business's contact, as staff and as a write API key, writing nothing", async () => {
    const before = await invoiceCount(a.businessId);
    for (const caller of [a.staff, apiKeyIn(a.businessId, ["read", "write"])]) {
      const refused = await gql(billing, caller, MUTATIONS.create, { input: invoiceInput(b.contactId) });
      expect(refused.createInvoice).toEqual({
        __typename: "ValidationError",
        field: "contactId",
        message: "No such contact in this business",
      });
    }
    expect(await invoiceCount(a.businessId)).toBe(before);
    // The next invoice still gets the next number: the refusal took none.
    expect((await createInvoice(billing, a)).number).toBe(before + 1);
  });

  it("refuses a contact billing has not heard of yet and a malformed id the same way, never as a database error", async () => {
    for (const contactId of [randomUUID(), "not-a-uuid", "'; drop table billing.invoice; --"]) {
      const response = await callSubgraph(billing.url, a.staff, MUTATIONS.create, { input: invoiceInput(contactId) });
      expect(response.errors).toBeUndefined();
      expect((response.data as any).createInvoice).toMatchObject({ __typename: "ValidationError", field: "contactId" });
    }
  });

  it("updateInvoice refuses another business's contact and leaves the draft as it was", async () => {
    const draft = await createInvoice(billing, a);
    const refused = await gql(billing, a.staff, MUTATIONS.update, {
      id: draft.id,
      input: invoiceInput(b.contactId, { lines: [{ description: "Changed", quantity: 1, unitPrice: 1 }] }),
    });
    expect(refused.updateInvoice).toMatchObject({
      __typename: "ValidationError",
      field: "contactId",
      message: "No such contact in this business",
    });
    const kept = await gql(billing, a.staff, `query($id: ID!) { invoice(id: $id) { contact { id } total lines { description } } }`, {
      id: draft.id,
    });
    expect(kept.invoice).toEqual({ contact: { id: a.contactId }, total: draft.total, lines: [{ description: "Consulting" }] });
  });

  it("never sends a draft that names another business's contact", async () => {
    const draft = await createInvoice(billing, a);
    // A draft saved before contacts were checked.
    await sql(forkFor(billing.orm, null), `update billing.invoice set contact_id = ? where id = ?`, [b.contactId, draft.id]);
    const refused = await gql(billing, a.staff, MUTATIONS.send, { id: draft.id });
    expect(refused.sendInvoice).toMatchObject({ __typename: "ValidationError", field: "contactId" });
    expect(await outboxEvents(billing, draft.id)).toEqual([]);
    const after = await gql(billing, a.staff, `query($id: ID!) { invoice(id: $id) { status } }`, { id: draft.id });
    expect(after.invoice.status).toBe("DRAFT");
  });

  it("B's invoices are not found by A's staff, API key or contact, and stay untouched", async () => {
    const draft = await createInvoice(billing, b);
    const open = await createInvoice(billing, b, { send: true });
    const paid = await createInvoice(billing, b, { send: true });
    await gql(billing, b.staff, MUTATIONS.record, { input: { invoiceId: paid.id, method: "CASH" } });
    const eventsBefore = (await outboxEvents(billing, open.id)).length;
    const notFound = async (caller: Caller, query: string, variables: Record<string, unknown>) => {
      const data = await gql(billing, caller, query, variables);
      expect(Object.values(data)[0], query).toMatchObject({ __typename: "NotFoundError" });
    };
    for (const staff of [a.staff, apiKeyIn(a.businessId, ["read", "write"])]) {
      await notFound(staff, MUTATIONS.update, { id: draft.id, input: invoiceInput(a.contactId) });
      await notFound(staff, MUTATIONS.send, { id: draft.id });
      await notFound(staff, MUTATIONS.void, { id: open.id });
      await notFound(staff, MUTATIONS.record, { input: { invoiceId: open.id, method: "CASH" } });
      await notFound(staff, MUTATIONS.refund, { input: { invoiceId: paid.id, amount: 100 } });
    }
    // Even with B's contact id, a caller of business A is in business A.
    await notFound(contactIn(a.businessId, b.contactId), MUTATIONS.testPay, { id: open.id });
    await notFound(a.contact, MUTATIONS.testPay, { id: open.id });

    const read = async (id: string) =>
      (await gql(billing, b.staff, `query($id: ID!) { invoice(id: $id) { status amountPaid amountRefunded contact { id } } }`, { id }))
        .invoice;
    expect(await read(draft.id)).toEqual({ status: "DRAFT", amountPaid: 0, amountRefunded: 0, contact: { id: b.contactId } });
    expect(await read(open.id)).toEqual({ status: "OPEN", amountPaid: 0, amountRefunded: 0, contact: { id: b.contactId } });
    expect(await read(paid.id)).toMatchObject({ status: "PAID", amountRefunded: 0 });
    expect(await outboxEvents(billing, open.id)).toHaveLength(eventsBefore);
  });
});
