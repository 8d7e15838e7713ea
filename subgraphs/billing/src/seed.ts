import { PDFDocument } from "pdf-lib";

/**
 * The demo's invoices, made the way the business and its client make them: through billing's own
 * GraphQL API and files, with calls signed as its owner and as its client. Everything that follows
 * (invoice and receipt emails, live status, payment history) comes from billing's real events.
 */

/** One way of calling billing as one person (the platform script signs each call as the gateway would). */
export interface DemoBillingCaller {
  data<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
  /** A billing file, e.g. `invoices/<id>.pdf`. */
  file(path: string): Promise<{ status: number; body: Uint8Array }>;
}

export interface DemoInvoicesInput {
  staff: DemoBillingCaller;
  client: DemoBillingCaller;
  business: { name: string };
  contact: { id: string; name: string };
  /** Day the demo is created; the invoice dates are relative to it. */
  today?: Date;
  /** How long to wait for billing to learn the business and the contact from identity's events. */
  timeoutMs?: number;
  /** Called once before the first change, when there is something to add or move along. */
  beforeChanges?: () => Promise<void>;
}

interface DemoInvoice {
  /** Internal memo (staff only): how the demo recognises its invoices on the next start. */
  memo: string;
  paid: boolean;
  lines: { description: string; quantity: number; unitPrice: number }[];
  taxRateBps: number | null;
  issuedDaysAgo: number;
  dueInDays: number;
  notes: string;
}

const DEMO_INVOICES: DemoInvoice[] = [
  {
    memo: "Demo invoice (paid): created by npm start",
    paid: true,
    lines: [
      { description: "Brand discovery workshop (half day)", quantity: 1, unitPrice: 60000 },
      { description: "Audience and competitor research", quantity: 1, unitPrice: 35000 },
    ],
    taxRateBps: null,
    issuedDaysAgo: 9,
    dueInDays: 5,
    notes: "Thank you for starting your brand journey with us.",
  },
  {
    memo: "Demo invoice (outstanding): created by npm start",
    paid: false,
    lines: [
      { description: "Logo design: three concepts and refinement", quantity: 1, unitPrice: 120000 },
      { description: "Brand guidelines (24-page PDF)", quantity: 1, unitPrice: 48000 },
      { description: "Business card design", quantity: 2, unitPrice: 7500 },
    ],
    taxRateBps: 825,
    issuedDaysAgo: 0,
    dueInDays: 14,
    notes: "Payable within 14 days. Questions? Reply to this email or write to us from your portal.",
  },
];

interface InvoiceState {
  id: string;
  status: string;
  memo: string | null;
}

/** A mutation's answer: InvoiceSuccess, or a UserError (ValidationError names its field). */
interface InvoiceOutcome {
  __typename: string;
  invoice?: InvoiceState;
  message?: string;
  field?: string;
}

const INVOICE = "id status memo";
const RESULT = `__typename ... on InvoiceSuccess { invoice { ${INVOICE} } } ... on UserError { message } ... on ValidationError { field }`;

/**
 * Creates what is missing of the demo's paid and outstanding invoices and moves each to its state.
 * Invoices already there (recognised by their memo) are left as they are, so a second run adds
 * nothing and a run cut short is completed. Returns how many invoices were created.
 */
export async function seedDemoInvoices(input: DemoInvoicesInput): Promise<number> {
  const today = input.today ?? new Date();
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  const listed = await input.staff.data<{ invoices: { edges: { node: InvoiceState }[] } }>(
    `query ($contactId: ID!) { invoices(contactId: $contactId, first: 100) { edges { node { ${INVOICE} } } } }`,
    { contactId: input.contact.id },
  );
  const existing = listed.invoices.edges.map((edge) => edge.node);
  const unfinished = DEMO_INVOICES.some((spec) => {
    const invoice = existing.find((candidate) => candidate.memo === spec.memo);
    return !invoice || invoice.status === "DRAFT" || (spec.paid && (invoice.status === "OPEN" || invoice.status === "OVERDUE"));
  });
  if (!unfinished) return 0;
  await input.beforeChanges?.();
  let created = 0;
  for (const spec of DEMO_INVOICES) {
    let invoice = existing.find((candidate) => candidate.memo === spec.memo);
    if (!invoice) {
      invoice = await createWhenContactKnown(input, spec, today, deadline);
      created += 1;
    }
    if (invoice.status === "DRAFT") {
      // The PDFs and the receipt email's attachment should name the business, not its id.
      await waitForBusinessName(input, invoice.id, deadline);
      invoice = await mutate(input.staff, "sendInvoice", `mutation ($id: ID!) { sendInvoice(id: $id) { ${RESULT} } }`, { id: invoice.id });
    }
    if (spec.paid && (invoice.status === "OPEN" || invoice.status === "OVERDUE")) await pay(input, invoice.id);
  }
  return created;
}

/** Billing learns a new contact from identity's events: until then it answers that the contact is unknown. */
async function createWhenContactKnown(input: DemoInvoicesInput, spec: DemoInvoice, today: Date, deadline: number): Promise<InvoiceState> {
  const invoiceInput = {
    contactId: input.contact.id,
    currency: "USD",
    lines: spec.lines,
    taxRateBps: spec.taxRateBps,
    issueDate: isoDay(today, -spec.issuedDaysAgo),
    dueDate: isoDay(today, spec.dueInDays),
    notes: spec.notes,
    memo: spec.memo,
  };
  for (;;) {
    const result = await input.staff.data<{ createInvoice: InvoiceOutcome }>(
      `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${RESULT} } }`,
      { input: invoiceInput },
    );
    const outcome = result.createInvoice;
    if (outcome.invoice) return outcome.invoice;
    const contactUnknown = outcome.__typename === "ValidationError" && outcome.field === "contactId";
    if (!contactUnknown || Date.now() > deadline) throw new Error(`billing refused the demo invoice: ${outcome.message}`);
    await pause();
  }
}

/**
 * The PDF names the business once billing has its branding (another of identity's events); its
 * Author is the business's name. Bounded: past the deadline the demo goes on, as the PDFs are
 * drawn on each download and will name the business as soon as billing knows it.
 */
async function waitForBusinessName(input: DemoInvoicesInput, invoiceId: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const pdf = await input.staff.file(`invoices/${invoiceId}.pdf`);
    if (pdf.status === 200 && (await PDFDocument.load(pdf.body, { updateMetadata: false })).getAuthor() === input.business.name) return;
    await pause();
  }
}

/** As the client with a test payment when the portal offers them; otherwise staff record a card payment taken elsewhere. */
async function pay(input: DemoInvoicesInput, invoiceId: string): Promise<void> {
  const { paymentOptions } = await input.client.data<{ paymentOptions: { paymentMode: string } }>(`{ paymentOptions { paymentMode } }`);
  if (paymentOptions.paymentMode === "TEST") {
    await mutate(
      input.client,
      "payInvoiceWithTestPayment",
      `mutation ($id: ID!) { payInvoiceWithTestPayment(invoiceId: $id) { ${RESULT} } }`,
      { id: invoiceId },
    );
    return;
  }
  await mutate(input.staff, "recordPayment", `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT} } }`, {
    input: { invoiceId, method: "CARD", reference: "Paid at the studio" },
  });
}

async function mutate(caller: DemoBillingCaller, name: string, query: string, variables: Record<string, unknown>): Promise<InvoiceState> {
  const outcome = (await caller.data<Record<string, InvoiceOutcome>>(query, variables))[name]!;
  if (!outcome.invoice) throw new Error(`billing refused ${name} for the demo: ${outcome.message}`);
  return outcome.invoice;
}

/** `today` shifted by whole days, as YYYY-MM-DD (UTC, the day billing compares due dates against). */
function isoDay(today: Date, days: number): string {
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
