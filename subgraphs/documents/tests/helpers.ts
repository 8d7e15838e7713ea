import { randomUUID } from "node:crypto";
import {
  callSubgraph,
  forkFor,
  makeCaller,
  runSubgraph,
  saveBusinessSnapshot,
  saveContactSnapshot,
  saveStaffSnapshot,
  signedFetch,
  sql,
  TEST_SECRET,
  testRuntime,
  type Caller,
  type RunningSubgraphProcess,
} from "@portal/kit";
import { inject } from "vitest";
import { createDocumentsSubgraph, type DocumentsOptions } from "../src/index.js";
import { makePng, makeSourcePdf } from "./pdf-fixtures.js";

export const databaseUrl = () => inject("databaseUrl" as never) as string;

export function startDocuments(options: Partial<DocumentsOptions> = {}): Promise<RunningSubgraphProcess> {
  return runSubgraph(createDocumentsSubgraph({ portalSecret: TEST_SECRET, production: false, ...options }), testRuntime(databaseUrl()));
}

export const staffIn = (businessId: string, staffId: string = randomUUID()): Caller =>
  makeCaller({ businessId, actor: { kind: "staff", id: staffId, role: "owner" } });
export const contactIn = (businessId: string, contactId: string): Caller =>
  makeCaller({ businessId, actor: { kind: "contact", id: contactId } });
export const apiKeyIn = (businessId: string, scopes: string[]): Caller =>
  makeCaller({ businessId, actor: { kind: "apiKey", id: randomUUID(), scopes } });
export const anonymousIn = (businessId: string | null): Caller => makeCaller({ businessId, actor: { kind: "anonymous", id: null } });
export const systemIn = (businessId: string): Caller => makeCaller({ businessId, actor: { kind: "system", id: null } });

export interface Person {
  id: string;
  name: string;
  email: string;
  caller: Caller;
}

/**
 * A business as documents knows it from identity's events: its portal URL, an owner who sends,
 * a second staff member (counter-signer) and three contacts, recorded in documents' copy of identity's
 * data through the same upserts identity's events go through.
 */
export interface Tenant {
  businessId: string;
  portalUrl: string;
  owner: Person;
  colleague: Person;
  contacts: [Person, Person, Person];
}

export async function newTenant(documents: RunningSubgraphProcess): Promise<Tenant> {
  const businessId = randomUUID();
  const slug = businessId.slice(0, 8);
  const portalUrl = `https://${slug}.portal.test`;
  const person = (name: string, caller: (id: string) => Caller): Person => {
    const id: string = randomUUID();
    return { id, name, email: `${name.split(" ")[0]!.toLowerCase()}-${slug}@example.test`, caller: caller(id) };
  };
  const owner = person("Olivia Owner", (id) => staffIn(businessId, id));
  const colleague = person("Sam Staff", (id) => staffIn(businessId, id));
  const contacts = ["Ada Lovelace", "Grace Hopper", "Alan Turing"].map((name) =>
    person(name, (id) => contactIn(businessId, id)),
  ) as Tenant["contacts"];
  const at = new Date().toISOString();
  await forkFor(documents.orm, businessId).transactional(async (em) => {
    await saveBusinessSnapshot(
      em,
      {
        id: businessId,
        slug,
        name: `Biz ${slug}`,
        displayName: `Biz ${slug}`,
        logoUrl: null,
        primaryColor: "#2563eb",
        accentColor: "#f59e0b",
        portalUrl,
      },
      at,
    );
    await saveStaffSnapshot(em, businessId, { id: owner.id, name: owner.name, email: owner.email, role: "OWNER", removed: false }, at);
    await saveStaffSnapshot(
      em,
      businessId,
      { id: colleague.id, name: colleague.name, email: colleague.email, role: "STAFF", removed: false },
      at,
    );
    for (const contact of contacts)
      await saveContactSnapshot(
        em,
        businessId,
        {
          id: contact.id,
          name: contact.name,
          firstName: contact.name.split(" ")[0]!,
          email: contact.email,
          dnd: false,
          accessStatus: "NONE",
        },
        at,
      );
  });
  return { businessId, portalUrl, owner, colleague, contacts };
}

/** Throws with the GraphQL errors so a failing test shows what went wrong. */
export async function gql<D = any>(
  documents: RunningSubgraphProcess,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<D> {
  const response = await callSubgraph<D>(documents.url, caller, query, variables);
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as D;
}

/** Calls a file endpoint as the gateway would (`/files/documents/<path>`), signed for `caller`. */
export function fileRequest(
  documents: RunningSubgraphProcess,
  caller: Caller,
  path: string,
  init: { method?: string; body?: Uint8Array; headers?: Record<string, string> } = {},
) {
  return signedFetch(`${documents.url.replace(/\/graphql$/, "")}/files/documents/${path}`, caller, {
    method: init.method ?? "GET",
    headers: init.headers ?? {},
    body: init.body ? Buffer.from(init.body) : undefined,
  });
}

export const uploadPdf = (documents: RunningSubgraphProcess, caller: Caller, id: string, bytes: Uint8Array, fileName = "contract.pdf") =>
  fileRequest(documents, caller, `${id}/original.pdf`, {
    method: "POST",
    body: bytes,
    headers: { "content-type": "application/pdf", "x-file-name": fileName },
  });

export const DOCUMENT_FIELDS = `id title status signingOrder pageCount fileName originalSha256 finalSha256 originalPdfUrl signedPdfUrl sentAt completedAt declinedAt voidedAt voidReason
  recipients { id kind name email role order status isTheirTurn viewedAt signedAt declineReason signatureMethod contact { id } staff { id } }
  fields { id recipientId kind page value required label } myRecipient { id status isTheirTurn }`;
const RESULT = `__typename ... on DocumentSuccess { document { ${DOCUMENT_FIELDS} } } ... on UserError { message } ... on ValidationError { field } ... on DocumentStateError { status }`;

export const OPS = {
  create: `mutation($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`,
  update: `mutation($id: ID!, $input: DocumentInput!) { updateDocument(id: $id, input: $input) { ${RESULT} } }`,
  recipients: `mutation($id: ID!, $recipients: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $recipients) { ${RESULT} } }`,
  fields: `mutation($id: ID!, $fields: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $fields) { ${RESULT} } }`,
  send: `mutation($id: ID!, $invite: Boolean) { sendDocument(id: $id, inviteToPortal: $invite) { ${RESULT} } }`,
  void: `mutation($id: ID!, $reason: String!) { voidDocument(id: $id, reason: $reason) { ${RESULT} } }`,
  remind: `mutation($id: ID!) { remindDocument(id: $id) { ${RESULT} } }`,
  delete: `mutation($id: ID!) { deleteDocument(id: $id) { __typename ... on DeleteDocumentSuccess { deletedId } ... on UserError { message } } }`,
  view: `mutation($id: ID!) { viewDocument(id: $id) { ${RESULT} } }`,
  sign: `mutation($input: SignDocumentInput!) { signDocument(input: $input) { ${RESULT} } }`,
  decline: `mutation($input: DeclineDocumentInput!) { declineDocument(input: $input) { ${RESULT} } }`,
  get: `query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`,
  consent: `query { signatureConsent { version text } }`,
};

export const PNG_BASE64 = Buffer.from(makePng(240, 80)).toString("base64");
export const CONSENT_VERSION = "2026-01";

export function signInput(documentId: string, overrides: Record<string, unknown> = {}) {
  return {
    documentId,
    consentVersion: CONSENT_VERSION,
    consentAccepted: true,
    signature: { method: "TYPED", typedName: "Signed Name" },
    ...overrides,
  };
}

export interface RecipientSpec {
  who: Person;
  kind?: "contact" | "staff";
  role?: "SIGNER" | "APPROVER" | "CC";
  order?: number;
}

/** Expects a DocumentSuccess and returns its document. */
export function ok(result: any): any {
  if (result?.__typename !== "DocumentSuccess") throw new Error(`Expected DocumentSuccess, got ${JSON.stringify(result)}`);
  return result.document;
}

/**
 * A draft with a PDF, the recipients and a signature field (plus a date) for each signer; sent
 * unless `send: false`.
 */
export async function prepareDocument(
  documents: RunningSubgraphProcess,
  tenant: Tenant,
  recipients: RecipientSpec[],
  options: { signingOrder?: "SEQUENTIAL" | "PARALLEL"; send?: boolean; input?: Record<string, unknown>; pages?: number } = {},
) {
  const staff = tenant.owner.caller;
  const created = ok(
    (
      await gql(documents, staff, OPS.create, {
        input: {
          title: "Services agreement",
          message: "Please sign",
          signingOrder: options.signingOrder ?? "SEQUENTIAL",
          ...options.input,
        },
      })
    ).createDocument,
  );
  const upload = await uploadPdf(documents, staff, created.id, await makeSourcePdf(options.pages ?? 2));
  if (upload.status !== 200) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
  const withRecipients = ok(
    (
      await gql(documents, staff, OPS.recipients, {
        id: created.id,
        recipients: recipients.map((spec, index) => ({
          [spec.kind === "staff" ? "staffId" : "contactId"]: spec.who.id,
          role: spec.role ?? "SIGNER",
          order: spec.order ?? index + 1,
        })),
      })
    ).setDocumentRecipients,
  );
  const fields = withRecipients.recipients
    .filter((r: any) => r.role === "SIGNER")
    .flatMap((r: any, index: number) => [
      { recipientId: r.id, kind: "SIGNATURE", page: 1, x: 0.1, y: 0.6 + index * 0.1, width: 0.3, height: 0.06 },
      { recipientId: r.id, kind: "DATE_SIGNED", page: 1, x: 0.5, y: 0.6 + index * 0.1, width: 0.2, height: 0.04 },
    ]);
  const draft = ok((await gql(documents, staff, OPS.fields, { id: created.id, fields })).setDocumentFields);
  if (options.send === false) return draft;
  return ok((await gql(documents, staff, OPS.send, { id: created.id })).sendDocument);
}

export interface OutboxRow {
  type: string;
  payload: Record<string, any>;
}

export function outboxEvents(documents: RunningSubgraphProcess, documentId: string): Promise<OutboxRow[]> {
  return sql<OutboxRow>(
    forkFor(documents.orm, null),
    `select type, payload from documents.outbox_event where payload->>'documentId' = ? order by created_at, id`,
    [documentId],
  );
}

export async function auditActions(documents: RunningSubgraphProcess, documentId: string): Promise<string[]> {
  const rows = await sql<{ action: string }>(
    forkFor(documents.orm, null),
    `select action from documents.audit_entry where document_id = ? order by sequence`,
    [documentId],
  );
  return rows.map((row) => row.action);
}
