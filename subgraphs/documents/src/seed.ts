import { agreementPdf, type AgreementParty } from "./seed-agreement-pdf.js";
import { DEMO_DOCUMENTS, type DemoDocument, type DemoNames } from "./seed-agreements.js";
import { CONSENT } from "./signing/consent.js";

/**
 * The demo's documents, made the way the business and its client make them: through documents' own
 * GraphQL API and upload, with calls signed as the owner and as the client. One agreement is signed
 * by both (sealed, audit trail, "completed" emails); another waits for the client's signature.
 */

/** One way of calling documents as one person (the platform script signs each call as the gateway would). */
export interface DemoDocumentsCaller {
  data<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
  /** Uploads a draft's PDF to `documents/<id>/original.pdf`. */
  upload(path: string, body: Uint8Array, fileName: string): Promise<{ status: number; body: Uint8Array }>;
}

export interface DemoDocumentsInput {
  staff: DemoDocumentsCaller;
  client: DemoDocumentsCaller;
  business: { name: string };
  owner: { id: string; name: string };
  contact: { id: string; name: string };
  today?: Date;
  /** How long to wait for documents to learn the business, the owner and the contact from identity's events. */
  timeoutMs?: number;
  /** Called once before the first change, when there is something to add or move along. */
  beforeChanges?: () => Promise<void>;
}

interface DocumentState {
  id: string;
  title: string;
  status: string;
  recipients: { id: string; kind: string }[];
}

/** A mutation's answer: DocumentSuccess, or a UserError (ValidationError names its field, DocumentStateError its status). */
interface DocumentOutcome {
  __typename: string;
  document?: DocumentState;
  message?: string;
  field?: string;
  status?: string;
}

const DOCUMENT = "id title status recipients { id kind }";
const RESULT = `__typename ... on DocumentSuccess { document { ${DOCUMENT} } } ... on UserError { message } ... on ValidationError { field } ... on DocumentStateError { status }`;
const KIND_OF: Record<AgreementParty, string> = { client: "CONTACT", business: "STAFF" };

/**
 * Creates what is missing of the demo's documents and moves each to its state. Documents already
 * there (recognised by title among the client's) are left as they are, so a second run adds nothing
 * and a run cut short is completed. Returns how many documents were created.
 */
export async function seedDemoDocuments(input: DemoDocumentsInput): Promise<number> {
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  const names: DemoNames = {
    businessName: input.business.name,
    clientName: input.contact.name,
    effective: (input.today ?? new Date()).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  };
  const listed = await input.staff.data<{ documents: { edges: { node: DocumentState }[] } }>(
    `query ($contactId: ID!) { documents(contactId: $contactId, first: 100) { edges { node { ${DOCUMENT} } } } }`,
    { contactId: input.contact.id },
  );
  const existing = listed.documents.edges.map((edge) => edge.node);
  const unfinished = DEMO_DOCUMENTS.some((spec) => {
    const document = existing.find((candidate) => candidate.title === spec.title);
    return (
      !document || document.status === "DRAFT" || (spec.complete && (document.status === "SENT" || document.status === "PARTIALLY_SIGNED"))
    );
  });
  if (!unfinished) return 0;
  await input.beforeChanges?.();
  let created = 0;
  for (const spec of DEMO_DOCUMENTS) {
    let document = existing.find((candidate) => candidate.title === spec.title);
    if (!document) {
      document = await mutate(
        input.staff,
        "createDocument",
        `mutation ($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`,
        {
          input: { title: spec.title, message: spec.message(names), signingOrder: "SEQUENTIAL" },
        },
      );
      created += 1;
    }
    if (document.status === "DRAFT") document = await prepareAndSend(input, spec, document.id, names, deadline);
    if (spec.complete && (document.status === "SENT" || document.status === "PARTIALLY_SIGNED")) await signInTurn(input, spec, document.id);
  }
  return created;
}

/** Upload, recipients, fields, send: each step replaces what a run cut short may have left on the draft. */
async function prepareAndSend(
  input: DemoDocumentsInput,
  spec: DemoDocument,
  id: string,
  names: DemoNames,
  deadline: number,
): Promise<DocumentState> {
  const people = { client: input.contact, business: input.owner };
  const { bytes, spots } = await agreementPdf({
    ...spec.content(names),
    signers: spec.signers.map((party) => ({
      party,
      name: people[party].name,
      caption: party === "client" ? "Client" : `For ${input.business.name}`,
    })),
  });
  const uploaded = await input.staff.upload(`documents/${id}/original.pdf`, bytes, spec.fileName);
  if (uploaded.status !== 200)
    throw new Error(`documents refused the demo PDF (${uploaded.status}): ${Buffer.from(uploaded.body).toString("utf8")}`);

  // Documents learns contacts and staff from identity's events: until then it says they are unknown.
  const recipients = spec.signers.map((party, index) => ({
    ...(party === "client" ? { contactId: input.contact.id } : { staffId: input.owner.id }),
    role: "SIGNER",
    order: index + 1,
  }));
  const withRecipients = await retryWhile(
    deadline,
    () =>
      input.staff.data<{ setDocumentRecipients: DocumentOutcome }>(
        `mutation ($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${RESULT} } }`,
        { id, r: recipients },
      ),
    ({ setDocumentRecipients: outcome }) => outcome.__typename === "ValidationError" && /\.(contactId|staffId)$/.test(outcome.field ?? ""),
  );
  const document = succeeded(withRecipients.setDocumentRecipients, "setDocumentRecipients");
  const fields = spots.map((spot) => ({
    recipientId: document.recipients.find((recipient) => recipient.kind === KIND_OF[spot.party])!.id,
    kind: spot.kind,
    page: spot.page,
    x: spot.x,
    y: spot.y,
    width: spot.width,
    height: spot.height,
  }));
  await mutate(
    input.staff,
    "setDocumentFields",
    `mutation ($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${RESULT} } }`,
    { id, f: fields },
  );

  // Sending needs the business's portal address, another of identity's events: until it arrived,
  // the draft is refused as it is (a DRAFT state error).
  const sent = await retryWhile(
    deadline,
    () => input.staff.data<{ sendDocument: DocumentOutcome }>(`mutation ($id: ID!) { sendDocument(id: $id) { ${RESULT} } }`, { id }),
    ({ sendDocument: outcome }) => outcome.__typename === "DocumentStateError" && outcome.status === "DRAFT",
  );
  return succeeded(sent.sendDocument, "sendDocument");
}

/** Each signer whose turn it is opens the document, accepts the consent and signs with their typed name. */
async function signInTurn(input: DemoDocumentsInput, spec: DemoDocument, id: string): Promise<void> {
  const people = { client: { caller: input.client, name: input.contact.name }, business: { caller: input.staff, name: input.owner.name } };
  for (const party of spec.signers) {
    const { caller, name } = people[party];
    const { document } = await caller.data<{ document: { myRecipient: { isTheirTurn: boolean } | null } | null }>(
      `query ($id: ID!) { document(id: $id) { myRecipient { isTheirTurn } } }`,
      { id },
    );
    if (!document?.myRecipient?.isTheirTurn) continue;
    await mutate(caller, "viewDocument", `mutation ($id: ID!) { viewDocument(id: $id) { ${RESULT} } }`, { id });
    await mutate(caller, "signDocument", `mutation ($input: SignDocumentInput!) { signDocument(input: $input) { ${RESULT} } }`, {
      input: { documentId: id, consentVersion: CONSENT.version, consentAccepted: true, signature: { method: "TYPED", typedName: name } },
    });
  }
}

async function mutate(
  caller: DemoDocumentsCaller,
  name: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<DocumentState> {
  return succeeded((await caller.data<Record<string, DocumentOutcome>>(query, variables))[name]!, name);
}

function succeeded(outcome: DocumentOutcome, name: string): DocumentState {
  if (!outcome.document) throw new Error(`documents refused ${name} for the demo: ${outcome.message}`);
  return outcome.document;
}

/** Repeats `call` while its answer says "not yet" and the deadline has not passed; returns the last answer. */
async function retryWhile<T>(deadline: number, call: () => Promise<T>, notYet: (answer: T) => boolean): Promise<T> {
  for (;;) {
    const answer = await call();
    if (!notYet(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
