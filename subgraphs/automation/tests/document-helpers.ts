import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import {
  CALLER_HEADER,
  forkFor,
  SIGNATURE_HEADER,
  sql,
  TEST_SECRET,
  verifyCaller,
  type Caller,
  type RunningSubgraphProcess,
} from "@portal/kit";
import type { documents, PayloadInputOf } from "@portal/contracts";
import { newRecipient, type TestBusiness } from "./helpers.js";

type SignatureRequested = PayloadInputOf<typeof documents.signatureRequested>;
type DocumentCompleted = PayloadInputOf<typeof documents.documentCompleted>;
type DocumentDeclined = PayloadInputOf<typeof documents.documentDeclined>;

/** `documents.signature.requested` as the documents subgraph publishes it. */
export function signatureRequested(business: TestBusiness, overrides: Partial<SignatureRequested> = {}): SignatureRequested {
  const documentId = randomUUID();
  return {
    documentId,
    title: "Website design agreement",
    message: "Here is the agreement we discussed.",
    senderName: "Olivia Owner",
    reminder: false,
    recipientId: randomUUID(),
    contactId: randomUUID(),
    staffId: null,
    recipient: newRecipient(),
    link: `${business.portalUrl}/documents/${documentId}`,
    reference: `document:${documentId}`,
    ...overrides,
  };
}

export function documentCompleted(
  business: TestBusiness,
  parties: { recipient: ReturnType<typeof newRecipient>; staff?: boolean }[],
  overrides: Partial<DocumentCompleted> = {},
): DocumentCompleted {
  const documentId = randomUUID();
  return {
    documentId,
    title: "Website design agreement",
    finalSha256: "ab".repeat(32),
    reference: `document:${documentId}`,
    parties: parties.map(({ recipient, staff }) => ({
      recipientId: randomUUID(),
      ...(staff ? { staffId: randomUUID(), contactId: null } : { contactId: randomUUID(), staffId: null }),
      recipient,
      link: `${business.portalUrl}${staff ? "/admin" : ""}/documents/${documentId}`,
    })),
    ...overrides,
  };
}

export function documentDeclined(
  business: TestBusiness,
  notify: ReturnType<typeof newRecipient>[],
  overrides: Partial<DocumentDeclined> = {},
): DocumentDeclined {
  const documentId = randomUUID();
  return {
    documentId,
    title: "Website design agreement",
    declinedBy: { name: "Grace Hopper", email: "grace@client.test" },
    reason: "The start date should be May 1.",
    notify: notify.map((recipient) => ({ staffId: randomUUID(), recipient, link: `${business.portalUrl}/admin/documents/${documentId}` })),
    reference: `document:${documentId}`,
    ...overrides,
  };
}

export interface FinishedRow {
  business_id: string;
  payload: { reference: string; template: string; recipientEmail: string; status: string; reason: string | null };
}

/** `automation.email.finished` events in automation's outbox for one reference. */
export function finishedEvents(automation: RunningSubgraphProcess, reference: string): Promise<FinishedRow[]> {
  return sql<FinishedRow>(
    forkFor(automation.orm, null),
    `select business_id, payload from automation.outbox_event where type = 'automation.email.finished' and payload->>'reference' = ? order by created_at, id`,
    [reference],
  );
}

export function emailReferences(
  automation: RunningSubgraphProcess,
  recipient: string,
): Promise<{ reference: string | null; template: string; status: string }[]> {
  return sql(
    forkFor(automation.orm, null),
    `select reference, template, status from automation.email_log where recipient = ? order by created_at`,
    [recipient],
  );
}

/**
 * A loopback stand-in for the documents subgraph's files endpoint: serves `GET /files/documents/<id>/signed.pdf`
 * only to a validly signed caller, and records who asked.
 */
export interface FakeDocuments {
  url: string;
  pdfs: Map<string, Buffer>;
  requests: { path: string; caller: Caller | null }[];
  close(): Promise<void>;
}

export async function startFakeDocuments(): Promise<FakeDocuments> {
  const pdfs = new Map<string, Buffer>();
  const requests: FakeDocuments["requests"] = [];
  const server: Server = createServer((req, res) => {
    const caller = verifyCaller(
      TEST_SECRET,
      req.headers[CALLER_HEADER] as string | undefined,
      req.headers[SIGNATURE_HEADER] as string | undefined,
      { method: req.method ?? "GET", path: req.url ?? "/" },
    );
    requests.push({ path: req.url ?? "", caller });
    if (!caller) {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "unauthenticated" }));
      return;
    }
    const match = /^\/files\/documents\/([0-9a-f-]+)\/signed\.pdf$/.exec(req.url ?? "");
    const pdf = match && req.method === "GET" ? pdfs.get(match[1]!) : undefined;
    if (!pdf) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/pdf", "content-length": String(pdf.length) }).end(pdf);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pdfs,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
