import { describe, expect, it } from "vitest";
import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { draftFromInvoice, draftToInput, draftTotals, emptyLine, newDraft, type InvoiceDraft } from "./invoiceDraft";

function draft(overrides: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return {
    ...newDraft("contact-1"),
    issueDate: "2026-03-01",
    dueDate: "2026-03-31",
    lines: [{ ...emptyLine(), description: " Design work ", quantity: "2", unitPrice: "1,250.50" }],
    ...overrides,
  };
}

describe("the invoice editor's draft", () => {
  it("starts with one empty line, in USD, issued today and due in 30 days", () => {
    const fresh = newDraft();
    expect(fresh.lines).toHaveLength(1);
    expect(fresh.lines[0]).toMatchObject({ description: "", quantity: "1", unitPrice: "" });
    expect(fresh.currency).toBe("USD");
    const days = (Date.parse(fresh.dueDate) - Date.parse(fresh.issueDate)) / 86_400_000;
    expect(days).toBe(30);
  });

  it("gives every line its own key, so removing one keeps the others' inputs", () => {
    const keys = new Set([emptyLine().key, emptyLine().key, emptyLine().key]);
    expect(keys.size).toBe(3);
  });

  it("turns what staff typed into the API input, in minor units and basis points", () => {
    const result = draftToInput(draft({ currency: " eur ", taxRate: "8.25", discount: "10", notes: "  ", memo: " PO 42 " }));
    expect(result).toEqual({
      input: {
        contactId: "contact-1",
        currency: "EUR",
        lines: [{ description: "Design work", quantity: 2, unitPrice: 125_050 }],
        taxRateBps: 825,
        discountAmount: 1000,
        issueDate: "2026-03-01",
        dueDate: "2026-03-31",
        notes: null,
        memo: "PO 42",
      },
    });
  });

  it("leaves tax and discount out when their inputs are empty", () => {
    const result = draftToInput(draft());
    expect(result).toMatchObject({ input: { taxRateBps: null, discountAmount: null } });
  });

  it("names the first input that cannot be read, as the server names its fields", () => {
    const lines = [
      { ...emptyLine(), quantity: "1", unitPrice: "5" },
      { ...emptyLine(), quantity: "1.5", unitPrice: "5" },
    ];
    expect(draftToInput(draft({ lines }))).toEqual({
      problem: { kind: "ValidationError", field: "lines.1.quantity", message: "Enter a whole number, e.g. 2" },
    });
    expect(draftToInput(draft({ lines: [{ ...emptyLine(), quantity: "1", unitPrice: "12.505" }] }))).toMatchObject({
      problem: { field: "lines.0.unitPrice" },
    });
    expect(draftToInput(draft({ taxRate: "8.255" }))).toMatchObject({ problem: { field: "taxRateBps" } });
    expect(draftToInput(draft({ discount: "-5" }))).toMatchObject({ problem: { field: "discountAmount" } });
  });

  it("totals the draft as the server will, counting lines that do not parse yet as zero", () => {
    const lines = [
      { ...emptyLine(), quantity: "2", unitPrice: "10.00" },
      { ...emptyLine(), quantity: "", unitPrice: "99" },
      { ...emptyLine(), quantity: "1", unitPrice: "abc" },
    ];
    expect(draftTotals(draft({ lines, taxRate: "10", discount: "5" }))).toEqual({ subtotal: 2000, discount: 500, tax: 150, total: 1650 });
  });

  it("edits an existing invoice with its amounts shown back in major units and percent", () => {
    const invoice = {
      contact: { id: "contact-9" },
      currency: "USD",
      lines: [{ description: "Hosting", quantity: 3, unitPrice: 1999 }],
      taxRateBps: 750,
      discountAmount: 500,
      issueDate: "2026-01-01",
      dueDate: "2026-01-15",
      notes: "Thanks",
      memo: null,
    } as unknown as InvoiceDetailFragment;
    expect(draftFromInvoice(invoice)).toMatchObject({
      contactId: "contact-9",
      lines: [{ description: "Hosting", quantity: "3", unitPrice: "19.99" }],
      taxRate: "7.5",
      discount: "5.00",
      memo: "",
    });
    const blank = { ...invoice, taxRateBps: null, discountAmount: null } as InvoiceDetailFragment;
    expect(draftFromInvoice(blank)).toMatchObject({ taxRate: "", discount: "" });
  });
});
