import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../src/pdf/dates.js";
import type { InvoiceDocument, InvoiceLineItem } from "../src/pdf/invoice-document.js";
import { formatMoney } from "../src/pdf/money.js";
import { renderInvoicePdf, renderReceiptPdf } from "../src/pdf/render-invoice.js";

// A 1×1 PNG, the smallest real image a business could upload as its logo.
const PNG_LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

function lineItem(description: string, quantity = 1, unitPrice = 10_000): InvoiceLineItem {
  return { description, quantity, unitPrice, amount: Math.round(quantity * unitPrice) };
}

function invoiceDocument(overrides: Partial<InvoiceDocument["invoice"]> = {}, rest: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lineItems = overrides.lineItems ?? [lineItem("Brand workshop", 2, 45_000), lineItem("Logo design", 1, 120_050)];
  const subtotal = lineItems.reduce((sum, item) => sum + item.amount, 0);
  return {
    business: {
      displayName: "Northwind Studio",
      addressLines: ["12 Harbour Road", "Bristol"],
      email: "billing@northwind.test",
      primaryColor: "#7c3aed",
    },
    recipient: { name: "Dana Client", email: "dana@client.test" },
    invoice: {
      number: "INV-0042",
      currency: "USD",
      status: "open",
      issueDate: "2026-11-01",
      dueDate: "2026-11-15",
      lineItems,
      subtotal,
      discount: 0,
      taxRateBps: null,
      taxAmount: 0,
      total: subtotal,
      amountPaid: 0,
      amountDue: subtotal,
      notes: "Payment due within 14 days.",
      memo: "PO 7781",
      ...overrides,
    },
    ...rest,
  };
}

/** The text a reader would find on each page, whitespace collapsed (Intl uses no-break spaces). */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

async function allText(pdf: Buffer): Promise<string> {
  return (await pageTexts(pdf)).join(" ");
}

const plain = (text: string) => text.replace(/\s+/g, " ");

describe("invoice PDF", () => {
  it("shows the business, recipient, number, every line and the amounts as searchable text", async () => {
    const doc = invoiceDocument({
      discount: 5_000,
      taxRateBps: 825,
      taxAmount: 16_920,
      total: 222_020,
      amountDue: 222_020,
      subtotal: 210_050,
    });
    const text = await allText(await renderInvoicePdf(doc));

    expect(text).toContain("Northwind Studio");
    expect(text).toContain("Invoice #INV-0042");
    expect(text).toContain("Dana Client");
    expect(text).toContain("dana@client.test");
    expect(text).toContain("Brand workshop");
    expect(text).toContain("Logo design");
    expect(text).toContain("$1,200.50");
    expect(text).toContain("Tax (8.25%)");
    expect(text).toContain("-$50.00");
    expect(text).toMatch(/Total \$2,220\.20/);
    expect(text).toMatch(/Amount due \$2,220\.20/);
    expect(text).toMatch(/Issue date Nov 1, 2026/);
    expect(text).toMatch(/Due date Nov 15, 2026/);
    expect(text).toContain("OPEN");
    expect(text).toContain("Payment due within 14 days.");
    expect(text).toContain("PO 7781");
  });

  it("carries title, author and the issue date as metadata, and renders the same bytes twice", async () => {
    const doc = invoiceDocument();
    const pdf = await renderInvoicePdf(doc);
    const { info } = await getMeta(new Uint8Array(pdf));
    expect(info.Title).toContain("Invoice #INV-0042");
    expect(info.Author).toBe("Northwind Studio");
    expect(info.CreationDate).toMatch(/^D:20261101000000/);
    expect((await renderInvoicePdf(doc)).equals(pdf)).toBe(true);
  });

  it("spreads 60 lines over several pages, repeating the table header and ending with the totals", async () => {
    const lineItems = Array.from({ length: 60 }, (_, index) => lineItem(`Support hour ${index + 1}`, 1, 8_000));
    const pages = await pageTexts(await renderInvoicePdf(invoiceDocument({ lineItems })));

    expect(pages.length).toBeGreaterThan(1);
    for (let index = 1; index <= 60; index++) expect(pages.join(" ")).toMatch(new RegExp(`Support hour ${index} `));
    for (const page of pages.filter((text) => text.includes("Support hour"))) expect(page).toContain("Description Qty Unit price Amount");
    const lastPage = pages.at(-1)!;
    expect(lastPage).toMatch(/Total \$4,800\.00/);
    expect(lastPage).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("moves the table header to the next page together with a first row that does not fit", async () => {
    const tallDescription = `Discovery phase ${"interviews, audits and synthesis of findings ".repeat(45)}done`;
    const lineItems = [lineItem(tallDescription), lineItem("Follow-up call")];
    const pages = await pageTexts(await renderInvoicePdf(invoiceDocument({ lineItems })));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).not.toContain("Description Qty Unit price Amount");
    expect(pages[1]).toContain("Description Qty Unit price Amount");
    expect(pages[1]).toMatch(/synthesis of findings done/);
  });

  it("keeps issue and due dates on their day in a business time zone west of UTC", async () => {
    const text = await allText(await renderInvoicePdf({ ...invoiceDocument(), timeZone: "America/Los_Angeles" }));
    expect(text).toMatch(/Issue date Nov 1, 2026/);
    expect(text).toMatch(/Due date Nov 15, 2026/);
  });

  it("shows yen without decimals", async () => {
    const doc = invoiceDocument({
      currency: "JPY",
      lineItems: [lineItem("Translation", 3, 40_000)],
      subtotal: 120_000,
      total: 120_000,
      amountDue: 120_000,
    });
    const text = await allText(await renderInvoicePdf(doc));
    expect(text).toContain("¥120,000");
    expect(text).toContain("¥40,000");
    expect(text).not.toMatch(/¥[\d,]+\.\d/);
  });

  it("says VOID on a voided invoice and OVERDUE on an overdue one", async () => {
    expect(await allText(await renderInvoicePdf(invoiceDocument({ status: "void" })))).toContain("VOID");
    expect(await allText(await renderInvoicePdf(invoiceDocument({ status: "overdue" })))).toContain("OVERDUE");
  });

  it("renders odd input: unicode, a very long description, empty notes and memo", async () => {
    const longDescription = `Retainer ${"covering research, design reviews and stakeholder workshops ".repeat(60)}end`;
    // DejaVu has no CJK glyphs: "日本" must not break rendering even though it shows as missing glyphs.
    const doc = invoiceDocument({
      lineItems: [lineItem("Café – naïve ✓ 日本"), lineItem(longDescription), lineItem("")],
      notes: "",
      memo: "   ",
    });
    doc.recipient = { name: "Zoë Ångström", email: null };
    const text = await allText(await renderInvoicePdf(doc));
    expect(text).toContain("Café – naïve ✓");
    expect(text).toContain("Zoë Ångström");
    expect(text).toContain("Retainer covering research");
    expect(text).not.toContain("NOTES");
    expect(text).not.toContain("MEMO");
  });

  it("embeds a data: PNG logo and skips remote, SVG or broken logos without failing", async () => {
    const withLogo = await renderInvoicePdf(invoiceDocument({}, { business: { displayName: "Logo Co", logoUrl: PNG_LOGO } }));
    expect(withLogo.toString("latin1")).toContain("/Subtype /Image");

    for (const logoUrl of [
      "https://cdn.example.test/logo.png",
      "data:image/svg+xml;base64,PHN2Zy8+",
      "data:image/png;base64,iVBORw0KGgoAAAAjunk",
    ]) {
      const pdf = await renderInvoicePdf(
        invoiceDocument({}, { business: { displayName: "Logo Co", logoUrl, primaryColor: "not-a-colour" } }),
      );
      expect(pdf.toString("latin1")).not.toContain("/Subtype /Image");
      expect(await allText(pdf)).toContain("Logo Co");
    }
  });
});

describe("receipt PDF", () => {
  const paidAt = new Date("2026-11-10T14:05:00Z");

  function paidDocument(): InvoiceDocument {
    const doc = invoiceDocument({ status: "paid" });
    doc.invoice.amountPaid = doc.invoice.total;
    doc.invoice.amountDue = 0;
    doc.payment = { methodLabel: "Card •••• 4242", paidAt, amount: doc.invoice.total };
    return doc;
  }

  it("shows the invoice, payment method, payment date and amounts", async () => {
    const doc = paidDocument();
    const text = await allText(await renderReceiptPdf(doc));

    expect(text).toContain("Receipt for invoice #INV-0042");
    expect(text).toContain("Northwind Studio");
    expect(text).toContain("Dana Client");
    expect(text).toContain("Card •••• 4242");
    expect(text).toContain(formatDate(paidAt));
    expect(text).toContain(plain(`${formatMoney(doc.invoice.total, "USD")} paid with Card •••• 4242 on ${formatDateTime(paidAt)}`));
    expect(text).toMatch(/Amount due \$0\.00/);
    expect(text).toContain("PAID");
    expect(text).toContain("Brand workshop");
  });

  it("lists refunds and uses the payment date as the creation date", async () => {
    const doc = paidDocument();
    doc.invoice.status = "partially_refunded";
    doc.refunds = [{ amount: 2_500, refundedAt: new Date("2026-11-12T09:00:00Z"), reason: "Duplicate hour" }];
    const pdf = await renderReceiptPdf(doc);
    const text = await allText(pdf);
    expect(text).toContain("PARTIALLY REFUNDED");
    expect(text).toMatch(/Refunded -\$25\.00/);
    expect(text).toContain("$25.00 refunded on Nov 12, 2026");
    expect(text).toContain("(Duplicate hour)");
    expect((await getMeta(new Uint8Array(pdf))).info.CreationDate).toMatch(/^D:20261110140500/);
  });

  it("shows when the payment happened in the business's time zone", async () => {
    const doc = { ...paidDocument(), timeZone: "America/Los_Angeles" };
    doc.payment = { ...doc.payment!, paidAt: new Date("2026-11-10T03:00:00Z") };
    const text = await allText(await renderReceiptPdf(doc));
    expect(text).toMatch(/Paid on Nov 9, 2026/);
    expect(text).toMatch(/on Nov 9, 2026, 7:00 PM PST/);
  });

  it("says so when no payment has been recorded yet", async () => {
    const text = await allText(await renderReceiptPdf(invoiceDocument()));
    expect(text).toContain("No payment has been recorded for this invoice.");
  });

  it("renders a test payment", async () => {
    const doc = paidDocument();
    doc.payment = { methodLabel: "Test payment", paidAt, amount: doc.invoice.total };
    expect(await allText(await renderReceiptPdf(doc))).toContain("paid with Test payment");
  });
});
