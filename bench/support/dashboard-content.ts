import { findDemoParties, seedDemoData, type DemoParties } from "@portal/identity";
import { forkFor, openOrm, type Actor } from "@portal/kit";
import { startSession } from "../../subgraphs/identity/src/auth/session.service.js";
import { agreementPdf } from "../../subgraphs/documents/src/seed-agreement-pdf.js";
import { SignedSubgraph } from "../../scripts/signed-subgraph.js";
import { SUBGRAPHS } from "../../scripts/subgraphs.js";

/**
 * The dashboard benchmark's data, made through the subgraphs' own code: identity's demo seed and
 * session service, billing's and documents' GraphQL and upload, each call signed as the gateway
 * signs it, so every rule and event is the real one.
 */
export interface DashboardParties extends DemoParties {
  /** The demo client's session token: the value of the portal_session cookie. */
  sessionToken: string;
}

/** Seeds identity's demo business (Brightside, its owner and the client Alex) and signs Alex in. */
export async function seedDashboardParties(databaseUrl: string, secret: string): Promise<DashboardParties> {
  const identity = SUBGRAPHS.find((entry) => entry.name === "identity")!;
  const orm = await openOrm(await identity.define(secret), databaseUrl);
  try {
    await seedDemoData(orm, { operatorEmail: "operator@bench.test", portalSecret: secret });
    const parties = await findDemoParties(orm);
    if (!parties) throw new Error("identity's demo seed did not create the demo business, owner and client");
    const em = forkFor(orm, parties.business.id);
    const caller = {
      businessId: parties.business.id,
      actor: { kind: "contact", id: parties.client.id } as Actor,
      ip: "127.0.0.1",
      userAgent: "bench",
    };
    const { token } = startSession(
      em,
      { ...caller, issuedAt: Date.now() },
      { kind: "contact", id: parties.client.id, businessId: parties.business.id },
      1,
    );
    await em.flush();
    return { ...parties, sessionToken: token };
  } finally {
    await orm.close();
  }
}

const WAIT_MS = 60_000;

/** Sends `count` outstanding invoices to the contact, numbered from `from`, as the business's owner. */
export async function addInvoices(billing: SignedSubgraph, contactId: string, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const input = {
      contactId,
      currency: "USD",
      lines: [{ description: `Session ${i + 1}`, quantity: 1, unitPrice: 2500 + i }],
      issueDate: "2026-11-01",
      dueDate: `2099-12-${String((i % 28) + 1).padStart(2, "0")}`,
    };
    // Billing learns the demo contact from identity's events, which may still be on their way.
    const created = await retryWhile(
      () =>
        billing.data<Record<string, InvoiceOutcome>>(
          `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { __typename ... on InvoiceSuccess { invoice { id } } ... on UserError { message } } }`,
          { input },
        ),
      (answer) => answer.createInvoice.__typename !== "InvoiceSuccess",
    );
    const invoice = created.createInvoice.invoice;
    if (!invoice) throw new Error(`billing refused a benchmark invoice: ${created.createInvoice.message}`);
    const sent = await billing.data<Record<string, InvoiceOutcome>>(
      `mutation ($id: ID!) { sendInvoice(id: $id) { __typename ... on UserError { message } } }`,
      {
        id: invoice.id,
      },
    );
    if (sent.sendInvoice.__typename !== "InvoiceSuccess")
      throw new Error(`billing did not send a benchmark invoice: ${sent.sendInvoice.message}`);
  }
}

const RESULT = `__typename ... on DocumentSuccess { document { id status recipients { id kind } } } ... on UserError { message } ... on ValidationError { field } ... on DocumentStateError { status }`;

/** Sends `count` documents waiting for the contact's signature, numbered from `from`, as the business's owner. */
export async function addDocuments(documents: SignedSubgraph, parties: DemoParties, from: number, count: number): Promise<void> {
  const { bytes, spots } = await agreementPdf({
    title: "Engagement letter",
    businessName: parties.business.name,
    dateLine: "Effective 1 November 2026",
    intro: `This letter sets out the work ${parties.business.name} will do for ${parties.client.name}.`,
    sections: [{ heading: "Scope", paragraphs: ["One session a month, as agreed."] }],
    signers: [{ party: "client", caption: "Client", name: parties.client.name }],
  });
  for (let i = from; i < from + count; i++) {
    const title = `Engagement letter ${i + 1}`;
    const created = await documents.data<Record<string, DocumentOutcome>>(
      `mutation ($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`,
      {
        input: { title, signingOrder: "SEQUENTIAL" },
      },
    );
    const id = succeeded(created.createDocument, "createDocument").id;
    const upload = await documents.upload(`documents/${id}/original.pdf`, bytes, `${title}.pdf`);
    if (upload.status !== 200) throw new Error(`upload of ${title} answered ${upload.status}: ${Buffer.from(upload.body).toString()}`);
    // Documents learns the demo contact from identity's events: until then it says it is unknown.
    const withRecipient = await retryWhile(
      () =>
        documents.data<Record<string, DocumentOutcome>>(
          `mutation ($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${RESULT} } }`,
          { id, r: [{ contactId: parties.client.id, role: "SIGNER", order: 1 }] },
        ),
      (answer) => answer.setDocumentRecipients.__typename === "ValidationError",
    );
    const recipientId = succeeded(withRecipient.setDocumentRecipients, "setDocumentRecipients").recipients[0]!.id;
    const fields = spots.map(({ party: _party, ...spot }) => ({ recipientId, ...spot }));
    succeeded(
      (
        await documents.data<Record<string, DocumentOutcome>>(
          `mutation ($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${RESULT} } }`,
          { id, f: fields },
        )
      ).setDocumentFields,
      "setDocumentFields",
    );
    // Sending needs the business's portal address, another of identity's events.
    const sent = await retryWhile(
      () => documents.data<Record<string, DocumentOutcome>>(`mutation ($id: ID!) { sendDocument(id: $id) { ${RESULT} } }`, { id }),
      (answer) => answer.sendDocument.__typename === "DocumentStateError" && answer.sendDocument.status === "DRAFT",
    );
    succeeded(sent.sendDocument, "sendDocument");
  }
}

interface InvoiceOutcome {
  __typename: string;
  invoice?: { id: string };
  message?: string;
}

interface DocumentOutcome {
  __typename: string;
  document?: { id: string; status: string; recipients: { id: string; kind: string }[] };
  message?: string;
  field?: string;
  status?: string;
}

function succeeded(outcome: DocumentOutcome, name: string) {
  if (!outcome.document) throw new Error(`documents refused ${name} for the benchmark: ${outcome.message ?? outcome.__typename}`);
  return outcome.document;
}

/** Repeats `call` while its answer says "not yet", for up to a minute; returns the last answer. */
async function retryWhile<T>(call: () => Promise<T>, notYet: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const answer = await call();
    if (!notYet(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
