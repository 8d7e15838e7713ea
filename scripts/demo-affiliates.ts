import { seedDemoAffiliates } from "@portal/affiliates";
import type { Actor } from "@portal/kit";
import type { DemoParties } from "@portal/identity";
import { SignedSubgraph } from "./signed-subgraph.js";

/** The two clients the demo's affiliate (alex) referred. */
const REFERRED = [
  { name: "Sam Rivera", email: "sam@client.test" },
  { name: "Jordan Lee", email: "jordan@client.test" },
];

export interface DemoAffiliatesTarget {
  parties: DemoParties;
  identityUrl: string;
  billingUrl: string;
  affiliatesUrl: string;
  portalSecret: string;
  timeoutMs?: number;
  beforeChanges: () => Promise<void>;
}

interface Outcome {
  __typename: string;
  message?: string;
  contact?: { id: string };
  invoice?: { id: string };
}

const RESULT = `__typename ... on UserError { message }`;

/**
 * The demo's affiliate programme: alex an affiliate with two links and a few visits, two clients
 * they referred (created in identity like any contact), each with a paid invoice in billing, so one
 * commission is pending and one approved. Everything goes through the subgraphs' own APIs and events;
 * a second run adds nothing (the affiliates seed sees alex's campaign link).
 */
export async function seedDemoReferrals(target: DemoAffiliatesTarget): Promise<number> {
  const { parties, portalSecret } = target;
  const businessId = parties.business.id;
  const owner: Actor = { kind: "staff", id: parties.owner.id, role: "owner" };
  const identity = new SignedSubgraph(target.identityUrl, portalSecret, businessId, owner);
  const billing = new SignedSubgraph(target.billingUrl, portalSecret, businessId, owner);
  const staff = new SignedSubgraph(target.affiliatesUrl, portalSecret, businessId, owner);
  const timeoutMs = target.timeoutMs ?? 60_000;

  const referred: { id: string; name: string }[] = [];
  for (const person of REFERRED) referred.push(await foundOrCreated(identity, person, target.beforeChanges));
  return seedDemoAffiliates({
    staff,
    contact: { id: parties.client.id, name: parties.client.name },
    referred,
    visit: (code, visitor) =>
      new SignedSubgraph(
        target.affiliatesUrl,
        portalSecret,
        businessId,
        { kind: "anonymous", id: null },
        `Mozilla/5.0 (demo visitor ${visitor})`,
      ).file(`r/${code}`),
    payInvoice: (contactId, amount) => paidInvoice(billing, contactId, amount, timeoutMs),
    timeoutMs,
    beforeChanges: target.beforeChanges,
  });
}

/** The demo client with this email, created when missing (staff's createContact; identity tells the other subgraphs). */
async function foundOrCreated(
  identity: SignedSubgraph,
  person: { name: string; email: string },
  beforeChanges: () => Promise<void>,
): Promise<{ id: string; name: string }> {
  const found = await identity.data<{ contacts: { edges: { node: { id: string; email: string } }[] } }>(
    `query ($search: String) { contacts(first: 5, search: $search) { edges { node { id email } } } }`,
    { search: person.email },
  );
  const existing = found.contacts.edges.find((edge) => edge.node.email === person.email);
  if (existing) return { id: existing.node.id, name: person.name };
  await beforeChanges();
  const created = await identity.data<{ createContact: Outcome }>(
    `mutation ($input: ContactInput!) { createContact(input: $input) { ${RESULT} ... on ContactSuccess { contact { id } } } }`,
    { input: { name: person.name, email: person.email, phone: null, dnd: false } },
  );
  if (!created.createContact.contact) throw new Error(`Demo affiliates: ${person.email} was refused: ${created.createContact.message}`);
  return { id: created.createContact.contact.id, name: person.name };
}

/** An invoice of `amount` for the contact, sent and paid by bank transfer: billing's paid event earns the affiliate's commission. */
async function paidInvoice(billing: SignedSubgraph, contactId: string, amount: number, timeoutMs: number): Promise<void> {
  const input = {
    contactId,
    currency: "USD",
    lines: [{ description: "Coaching package", quantity: 1, unitPrice: amount }],
    issueDate: new Date().toISOString().slice(0, 10),
    dueDate: "2099-12-31",
  };
  const deadline = Date.now() + timeoutMs;
  let created: Outcome;
  // Billing learns a new contact from identity's events, which may still be on their way.
  for (;;) {
    created = (
      await billing.data<{ createInvoice: Outcome }>(
        `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${RESULT} ... on InvoiceSuccess { invoice { id } } } }`,
        { input },
      )
    ).createInvoice;
    if (created.invoice || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const id = created.invoice?.id;
  if (!id) throw new Error(`Demo affiliates: an invoice was refused: ${created.message}`);
  for (const [mutation, variables] of [
    [`mutation ($id: ID!) { sendInvoice(id: $id) { ${RESULT} } }`, { id }],
    [
      `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT} } }`,
      { input: { invoiceId: id, method: "BANK_TRANSFER", reference: "Demo transfer" } },
    ],
  ] as const) {
    const answer = Object.values(await billing.data<Record<string, Outcome>>(mutation, variables))[0]!;
    if (answer.__typename !== "InvoiceSuccess") throw new Error(`Demo affiliates: billing refused a payment step: ${answer.message}`);
  }
}
