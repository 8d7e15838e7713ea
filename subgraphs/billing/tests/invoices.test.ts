import { callSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, createInvoice, daysFromToday, gql, invoiceInput, MUTATIONS, newTenant, outboxEvents, startBilling } from "./helpers.js";

describe("staff manage invoices", () => {
  let billing: RunningSubgraphProcess;
  beforeAll(async () => {
    billing = await startBilling();
  });
  afterAll(async () => {
    await billing?.stop();
  });

  it("creates a draft with computed totals", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { input: { currency: "eur", taxRateBps: 2000, discountAmount: 1000 } });
    expect(invoice).toMatchObject({
      number: 1,
      status: "DRAFT",
      currency: "EUR",
      subtotal: 10000,
      discount: 1000,
      tax: 1800,
      total: 10800,
      amountDue: 0,
      memo: "internal",
    });
    expect(invoice.lines).toEqual([{ description: "Consulting", quantity: 2, unitPrice: 5000, amount: 10000 }]);
    expect(invoice.contact).toEqual({ id: tenant.contactId });
  });

  it("names the invalid field", async () => {
    const tenant = await newTenant(billing);
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          lines: [
            { description: "A", quantity: 1, unitPrice: 100 },
            { description: "B", quantity: 0, unitPrice: 100 },
          ],
        },
        "lines.1.quantity",
      ],
      [{ lines: [{ description: " ", quantity: 1, unitPrice: 100 }] }, "lines.0.description"],
      [{ lines: [{ description: "A", quantity: 1, unitPrice: -1 }] }, "lines.0.unitPrice"],
      [{ lines: [] }, "lines"],
      [{ currency: "XYZ1" }, "currency"],
      [{ taxRateBps: 10_001 }, "taxRateBps"],
      [{ discountAmount: 20_000 }, "discountAmount"],
      [{ dueDate: "2020-02-30" }, "dueDate"],
      [{ issueDate: daysFromToday(5), dueDate: daysFromToday(1) }, "dueDate"],
      [{ contactId: "nope" }, "contactId"],
    ];
    for (const [overrides, field] of cases) {
      const data = await gql(billing, tenant.staff, MUTATIONS.create, { input: invoiceInput(tenant.contactId, overrides) });
      expect(data.createInvoice, field).toMatchObject({ __typename: "ValidationError", field });
    }
  });

  it("edits drafts only; sending opens it and records billing.invoice.sent", async () => {
    const tenant = await newTenant(billing);
    const draft = await createInvoice(billing, tenant);
    const edited = await gql(billing, tenant.staff, MUTATIONS.update, {
      id: draft.id,
      input: invoiceInput(tenant.contactId, { lines: [{ description: "Audit", quantity: 3, unitPrice: 1000 }] }),
    });
    expect(edited.updateInvoice.invoice).toMatchObject({ total: 3000, number: draft.number });

    const sent = await gql(billing, tenant.staff, MUTATIONS.send, { id: draft.id });
    expect(sent.sendInvoice.invoice).toMatchObject({ status: "OPEN", amountDue: 3000 });
    const refused = await gql(billing, tenant.staff, MUTATIONS.update, { id: draft.id, input: invoiceInput(tenant.contactId) });
    expect(refused.updateInvoice).toMatchObject({ __typename: "InvoiceStateError", status: "OPEN" });
    expect(refused.updateInvoice.message).toMatch(/already sent/);
    expect((await gql(billing, tenant.staff, MUTATIONS.send, { id: draft.id })).sendInvoice.__typename).toBe("InvoiceStateError");

    const events = await outboxEvents(billing, draft.id);
    expect(events.map((event) => event.type)).toEqual(["billing.invoice.sent"]);
    expect(events[0]!.business_id).toBe(tenant.businessId);
    expect(events[0]!.payload).toEqual({
      invoiceId: draft.id,
      contactId: tenant.contactId,
      number: draft.number,
      currency: "USD",
      total: 3000,
      amountDue: 3000,
      dueDate: draft.dueDate,
      portalPath: `/invoices/${draft.id}`,
      inviteToPortal: true,
    });
  });

  it("records whether staff asked to invite the contact to the portal along with the invoice", async () => {
    const tenant = await newTenant(billing);
    const draft = await createInvoice(billing, tenant);
    const sent = await gql(billing, tenant.staff, MUTATIONS.sendWithInvite, { id: draft.id, inviteToPortal: false });
    expect(sent.sendInvoice.__typename).toBe("InvoiceSuccess");
    const [event] = await outboxEvents(billing, draft.id);
    expect(event!.payload).toMatchObject({ invoiceId: draft.id, inviteToPortal: false });

    const invited = await createInvoice(billing, tenant);
    await gql(billing, tenant.staff, MUTATIONS.sendWithInvite, { id: invited.id, inviteToPortal: true });
    expect((await outboxEvents(billing, invited.id))[0]!.payload).toMatchObject({ inviteToPortal: true });
  });

  it("voids drafts and unpaid open invoices, not paid ones", async () => {
    const tenant = await newTenant(billing);
    const open = await createInvoice(billing, tenant, { send: true });
    const voided = await gql(billing, tenant.staff, MUTATIONS.void, { id: open.id });
    expect(voided.voidInvoice.invoice).toMatchObject({ status: "VOID", amountDue: 0 });
    expect((await outboxEvents(billing, open.id)).map((event) => event.type)).toEqual(["billing.invoice.sent", "billing.invoice.voided"]);
    const paid = await createInvoice(billing, tenant, { send: true });
    await gql(billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: paid.id, method: "CASH" } });
    expect((await gql(billing, tenant.staff, MUTATIONS.void, { id: paid.id })).voidInvoice.__typename).toBe("InvoiceStateError");
    expect((await gql(billing, tenant.staff, MUTATIONS.void, { id: "not-an-id" })).voidInvoice.__typename).toBe("NotFoundError");
  });

  it("lists with filters and Relay pagination, newest first", async () => {
    const tenant = await newTenant(billing);
    const first = await createInvoice(billing, tenant, {
      send: true,
      input: { issueDate: daysFromToday(-30), dueDate: daysFromToday(-1) },
    });
    const second = await createInvoice(billing, tenant, { send: true, contactId: tenant.otherContactId });
    const third = await createInvoice(billing, tenant);
    const list = async (args: string) =>
      (
        await gql(
          billing,
          tenant.staff,
          `{ invoices${args} { totalCount edges { node { number status } } pageInfo { hasNextPage endCursor } } }`,
        )
      ).invoices;

    expect((await list("")).edges.map((edge: any) => edge.node.number)).toEqual([3, 2, 1]);
    expect((await list("(status: OVERDUE)")).edges.map((edge: any) => edge.node)).toEqual([{ number: first.number, status: "OVERDUE" }]);
    expect((await list("(status: OPEN)")).edges.map((edge: any) => edge.node.number)).toEqual([second.number]);
    expect((await list("(status: DRAFT)")).edges.map((edge: any) => edge.node.number)).toEqual([third.number]);
    expect((await list(`(contactId: "${tenant.otherContactId}")`)).totalCount).toBe(1);
    expect(
      (await list(`(issuedFrom: "${daysFromToday(-31)}", issuedTo: "${daysFromToday(-29)}")`)).edges.map((edge: any) => edge.node.number),
    ).toEqual([1]);
    expect((await list(`(search: "#2")`)).edges.map((edge: any) => edge.node.number)).toEqual([2]);
    expect((await list(`(search: "abc")`)).totalCount).toBe(0);

    const page1 = await list("(first: 2)");
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = await list(`(first: 2, after: "${page1.pageInfo.endCursor}")`);
    expect(page2.edges.map((edge: any) => edge.node.number)).toEqual([1]);
  });

  it("API keys need READ to list and WRITE to change; contacts cannot use staff operations", async () => {
    const tenant = await newTenant(billing);
    const readKey = apiKeyIn(tenant.businessId, ["read"]);
    expect((await gql(billing, readKey, `{ invoices { totalCount } }`)).invoices.totalCount).toBe(0);
    const write = await callSubgraph(billing.url, readKey, MUTATIONS.create, { input: invoiceInput(tenant.contactId) });
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const writeKey = apiKeyIn(tenant.businessId, ["read", "write"]);
    expect((await gql(billing, writeKey, MUTATIONS.create, { input: invoiceInput(tenant.contactId) })).createInvoice.__typename).toBe(
      "InvoiceSuccess",
    );
    const asContact = await callSubgraph(billing.url, tenant.contact, `{ invoices { totalCount } }`);
    expect(asContact.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("numbers invoices 1..20 without gaps or duplicates under concurrent creation", async () => {
    const tenant = await newTenant(billing);
    const other = await newTenant(billing);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        createInvoice(billing, index % 4 === 0 ? other : tenant).then((invoice) => ({ invoice, mine: index % 4 !== 0 })),
      ),
    );
    const numbers = created
      .filter((entry) => entry.mine)
      .map((entry) => entry.invoice.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
    const theirs = created
      .filter((entry) => !entry.mine)
      .map((entry) => entry.invoice.number)
      .sort((a, b) => a - b);
    expect(theirs).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps exactly 1..20 when twenty creations race in one business", async () => {
    const tenant = await newTenant(billing);
    const invoices = await Promise.all(Array.from({ length: 20 }, () => createInvoice(billing, tenant)));
    expect(invoices.map((invoice) => invoice.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });
});
