import { callSubgraph, forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvoice, gql, invoiceInput, MUTATIONS, newTenant, startBilling, type Tenant } from "./helpers.js";

/** Invisible control characters in text are refused before anything runs, naming the argument. */
describe("control characters in billing's text arguments", () => {
  let billing: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    billing = await startBilling();
    tenant = await newTenant(billing);
  });
  afterAll(async () => {
    await billing?.stop();
  });

  const invoiceCount = async () =>
    Number(
      (
        await sql<{ count: string }>(forkFor(billing.orm, null), `select count(*) from billing.invoice where business_id = ?`, [
          tenant.businessId,
        ])
      )[0]!.count,
    );

  it("a NUL in a line description is BAD_USER_INPUT naming the field, nothing is written and no SQL is shown", async () => {
    const input = invoiceInput(tenant.contactId, {
      lines: [
        { description: "Consulting", quantity: 1, unitPrice: 100 },
        { description: "Work\u0000shop", quantity: 1, unitPrice: 100 },
      ],
    });
    const response = await callSubgraph(billing.url, tenant.staff, MUTATIONS.create, { input });
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.lines.1.description" });
    expect(error!.message).toContain("input.lines.1.description");
    expect(error!.message).not.toMatch(/insert into|select .* from|billing\.invoice/i);
    expect(await invoiceCount()).toBe(0);
  });

  it("single-line text refuses newlines and DEL; notes and memos keep their line breaks and tabs", async () => {
    const refused = async (overrides: Record<string, unknown>) => {
      const response = await callSubgraph(billing.url, tenant.staff, MUTATIONS.create, {
        input: invoiceInput(tenant.contactId, overrides),
      });
      return response.errors?.[0]?.extensions;
    };
    expect(await refused({ lines: [{ description: "Line\nbreak", quantity: 1, unitPrice: 1 }] })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.lines.0.description",
    });
    expect(await refused({ currency: "US\u007fD" })).toMatchObject({ field: "input.currency" });
    expect(await refused({ notes: "Bell \u0007" })).toMatchObject({ field: "input.notes" });
    expect(await refused({ memo: "Escape \u001b[31m" })).toMatchObject({ field: "input.memo" });
    expect(await invoiceCount()).toBe(0);

    const invoice = await createInvoice(billing, tenant, { input: { notes: "Thank you!\r\nPay by\tFriday", memo: "Line one\nLine two" } });
    expect(invoice).toMatchObject({ notes: "Thank you!\r\nPay by\tFriday", memo: "Line one\nLine two" });
  });

  it("ids, top-level arguments and query arguments are checked too", async () => {
    const send = await callSubgraph(billing.url, tenant.staff, MUTATIONS.send, { id: "abc\u0000" });
    expect(send.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const search = await callSubgraph(billing.url, tenant.staff, `query($q: String) { invoices(search: $q) { totalCount } }`, {
      q: "#1\u0000",
    });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "search" });
    const refund = await callSubgraph(billing.url, tenant.staff, MUTATIONS.refund, {
      input: { invoiceId: "x", amount: 1, reason: "Paid twice,\nsee ticket" },
    });
    expect(refund.errors).toBeUndefined(); // a multi-line reason passes the guard (the id is simply not found)
    expect((await gql(billing, tenant.staff, `{ invoices { totalCount } }`)).invoices.totalCount).toBe(1);
  });
});
