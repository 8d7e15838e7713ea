import { callSubgraph, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  countStatements,
  createInvoice,
  daysFromToday,
  gql,
  MUTATIONS,
  newTenant,
  startBilling,
  type Tenant,
} from "./helpers.js";

const DASHBOARD = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Contact {
  id
  outstandingInvoices { totalCount edges { node { id number status amountDue memo } } }
  paidInvoices { totalCount edges { node { id number status } } }
  invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }
} } }`;

const reps = (...ids: string[]) => ids.map((id) => ({ __typename: "Contact", id }));

describe("the client's invoices on Contact", () => {
  let billing: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let invoices: Record<string, any>;

  beforeAll(async () => {
    billing = await startBilling();
    a = await newTenant(billing);
    b = await newTenant(billing);
    const overdue = await createInvoice(billing, a, {
      send: true,
      input: { issueDate: daysFromToday(-40), dueDate: daysFromToday(-10), lines: [{ description: "Old", quantity: 1, unitPrice: 700 }] },
    });
    const open = await createInvoice(billing, a, { send: true, input: { dueDate: daysFromToday(20) } });
    const paid = await createInvoice(billing, a, { send: true });
    await gql(billing, a.staff, MUTATIONS.record, { input: { invoiceId: paid.id, method: "CASH" } });
    const draft = await createInvoice(billing, a);
    const sibling = await createInvoice(billing, a, { send: true, contactId: a.otherContactId });
    const otherBusiness = await createInvoice(billing, b, { send: true });
    invoices = { overdue, open, paid, draft, sibling, otherBusiness };
  });
  afterAll(async () => {
    await billing?.stop();
  });

  it("shows the contact their outstanding (overdue first), paid history and summary, never drafts or memos", async () => {
    const [me] = (await gql(billing, a.contact, DASHBOARD, { reps: reps(a.contactId) }))._entities;
    expect(me.outstandingInvoices.edges.map((edge: any) => edge.node)).toEqual([
      { id: invoices.overdue.id, number: invoices.overdue.number, status: "OVERDUE", amountDue: 700, memo: null },
      { id: invoices.open.id, number: invoices.open.number, status: "OPEN", amountDue: 10000, memo: null },
    ]);
    expect(me.paidInvoices.edges.map((edge: any) => edge.node.id)).toEqual([invoices.paid.id]);
    expect(me.invoiceSummary).toEqual({
      hasInvoices: true,
      outstandingCount: 2,
      totalDue: 10700,
      currency: "USD",
      nextDueDate: invoices.overdue.dueDate,
    });
  });

  it("staff of the business see the same for their contact, memos included", async () => {
    const [contact] = (await gql(billing, a.staff, DASHBOARD, { reps: reps(a.contactId) }))._entities;
    expect(contact.outstandingInvoices.totalCount).toBe(2);
    expect(contact.outstandingInvoices.edges[0].node.memo).toBe("internal");
  });

  it("an empty summary for a contact without sent invoices (the card is hidden)", async () => {
    const fresh = await newTenant(billing);
    await createInvoice(billing, fresh);
    const [me] = (await gql(billing, fresh.contact, DASHBOARD, { reps: reps(fresh.contactId) }))._entities;
    expect(me.invoiceSummary).toEqual({ hasInvoices: false, outstandingCount: 0, totalDue: 0, currency: null, nextDueDate: null });
    expect(me.outstandingInvoices.totalCount).toBe(0);
  });

  it("_entities: a contact resolves only themself; another contact, another business or anonymous get null", async () => {
    const lookup = async (caller: Caller) =>
      (
        await gql(billing, caller, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Contact { id } } }`, {
          reps: reps(a.contactId, a.otherContactId, b.contactId),
        })
      )._entities;
    expect(await lookup(a.contact)).toEqual([{ id: a.contactId }, null, null]);
    expect(await lookup(a.otherContact)).toEqual([null, { id: a.otherContactId }, null]);
    expect(await lookup(b.contact)).toEqual([null, null, { id: b.contactId }]);
    expect(await lookup(anonymousIn(a.businessId))).toEqual([null, null, null]);
    expect(await lookup(anonymousIn(null))).toEqual([null, null, null]);
  });

  it("staff of another business see none of this business's invoices through any contact", async () => {
    const entities = (await gql(billing, b.staff, DASHBOARD, { reps: reps(a.contactId, a.otherContactId) }))._entities;
    for (const contact of entities) {
      expect(contact.outstandingInvoices.totalCount).toBe(0);
      expect(contact.paidInvoices.totalCount).toBe(0);
      expect(contact.invoiceSummary.hasInvoices).toBe(false);
    }
  });

  it("invoice(id): its contact (once sent) and its business's staff; null for everyone else; sign-in required", async () => {
    const read = async (caller: Caller, id: string) =>
      (await gql(billing, caller, `query($id: ID!) { invoice(id: $id) { id memo } }`, { id })).invoice;
    expect(await read(a.contact, invoices.open.id)).toEqual({ id: invoices.open.id, memo: null });
    expect(await read(a.staff, invoices.draft.id)).toEqual({ id: invoices.draft.id, memo: "internal" });
    expect(await read(a.contact, invoices.draft.id)).toBeNull();
    expect(await read(a.contact, invoices.sibling.id)).toBeNull();
    expect(await read(a.otherContact, invoices.open.id)).toBeNull();
    expect(await read(b.staff, invoices.open.id)).toBeNull();
    expect(await read(b.contact, invoices.open.id)).toBeNull();
    expect(await read(a.staff, invoices.otherBusiness.id)).toBeNull();
    expect(await read(a.staff, "not-a-uuid")).toBeNull();
    const anonymous = await callSubgraph(billing.url, anonymousIn(a.businessId), `query($id: ID!) { invoice(id: $id) { id } }`, {
      id: invoices.open.id,
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("invoices(): each business's staff list only their own", async () => {
    const listed = async (tenant: Tenant) =>
      (await gql(billing, tenant.staff, `{ invoices { edges { node { id } } } }`)).invoices.edges.map((edge: any) => edge.node.id);
    expect(await listed(b)).toEqual([invoices.otherBusiness.id]);
    expect(await listed(a)).not.toContain(invoices.otherBusiness.id);
  });

  it("mutations cannot reach another business's invoices", async () => {
    for (const [name, query, variables] of [
      ["sendInvoice", MUTATIONS.send, { id: invoices.draft.id }],
      ["voidInvoice", MUTATIONS.void, { id: invoices.open.id }],
      ["recordPayment", MUTATIONS.record, { input: { invoiceId: invoices.open.id, method: "CASH" } }],
      ["refundInvoice", MUTATIONS.refund, { input: { invoiceId: invoices.paid.id, amount: 1 } }],
    ] as const) {
      expect((await gql(billing, b.staff, query, variables))[name].__typename, name).toBe("NotFoundError");
    }
  });

  it("the dashboard's SQL statement count does not grow with the number of invoices", async () => {
    const few = await newTenant(billing);
    const many = await newTenant(billing);
    for (let index = 0; index < 2; index++) await createInvoice(billing, few, { send: true });
    await Promise.all(Array.from({ length: 25 }, () => createInvoice(billing, many, { send: true })));
    const withFew = await countStatements(billing, few.businessId, () =>
      gql(billing, few.contact, DASHBOARD, { reps: reps(few.contactId) }),
    );
    const withMany = await countStatements(billing, many.businessId, () =>
      gql(billing, many.contact, DASHBOARD, { reps: reps(many.contactId) }),
    );
    expect(withFew).toBeGreaterThanOrEqual(4); // the outstanding and paid pages, their counts, the summary
    expect(withMany).toBe(withFew);
  });
});
