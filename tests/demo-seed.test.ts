import { randomUUID } from "node:crypto";
import { callSubgraph, makeCaller, runSubgraph, signedFetch, TEST_SECRET, testRuntime, type RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoContent, type DemoContentTarget } from "../scripts/demo-content.js";
import { finishSeeding, seedDemo } from "../scripts/seed.js";
import { SUBGRAPHS } from "../scripts/subgraphs.js";
import type { PortalClient } from "./support/http-client.js";
import { createBusiness, signedInContact } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

// Emails travel two event hops (billing/documents → automation): poll, bounded.
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type Edges<T> = { edges: { node: T }[] };
const nodes = <T>(connection: Edges<T>): T[] => connection.edges.map((edge) => edge.node);

const ALEX_VIEW = `{ viewer { contact {
  invoiceSummary { hasInvoices outstandingCount }
  outstandingInvoices(first: 10) { edges { node { id status amountDue } } }
  paidInvoices(first: 10) { edges { node { id status } } }
  documentSummary { hasDocuments waitingForSignature }
  pending: documents(list: PENDING_SIGNATURE, first: 10) { edges { node { id title status } } }
  signed: documents(list: SIGNED, first: 10) { edges { node { id title status signedPdfUrl } } }
} } }`;

describe("demo content (npm start)", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("gives the demo client a paid and an outstanding invoice, a signed and a waiting document, with their emails; a second run adds nothing", async () => {
    const businessName = "Brightside Demo Studio";
    const business = await createBusiness(platform, businessName);
    const { id: contactId, email, client: alex } = await signedInContact(platform, business, "Alex Rivera");
    const { viewer } = await business.staff.data(`{ viewer { staff { id name } } }`);

    // Right away, as `npm start` runs it: billing and documents learn Alex from identity's events meanwhile.
    const target: DemoContentTarget = {
      parties: {
        business: { id: business.id, name: businessName },
        owner: viewer.staff,
        client: { id: contactId, name: "Alex Rivera", email },
      },
      billingUrl: platform.billing.url,
      documentsUrl: platform.documents.url,
      portalSecret: TEST_SECRET,
    };
    expect(await seedDemoContent(target)).toEqual({ invoices: 2, documents: 2 });

    const seen = (await alex.data(ALEX_VIEW)).viewer.contact;
    expect(seen.invoiceSummary).toEqual({ hasInvoices: true, outstandingCount: 1 });
    expect(seen.outstandingInvoices.edges).toHaveLength(1);
    expect(seen.outstandingInvoices.edges[0].node.amountDue).toBeGreaterThan(0);
    expect(nodes<{ status: string }>(seen.paidInvoices).map((invoice) => invoice.status)).toEqual(["PAID"]);
    expect(seen.documentSummary).toEqual({ hasDocuments: true, waitingForSignature: 1 });
    const titled = (list: Edges<{ title: string; status: string }>) => nodes(list).map((document) => [document.title, document.status]);
    expect(titled(seen.pending)).toEqual([["Photo and testimonial release", "SENT"]]);
    expect(titled(seen.signed)).toEqual([["Brand identity project agreement", "COMPLETED"]]);

    // Every PDF names the business and the client, never an id.
    const outstandingId = seen.outstandingInvoices.edges[0].node.id;
    const paidId = seen.paidInvoices.edges[0].node.id;
    for (const path of [
      `/files/billing/invoices/${outstandingId}.pdf`,
      `/files/billing/invoices/${paidId}/receipt.pdf`,
      seen.signed.edges[0].node.signedPdfUrl,
    ]) {
      const download = await alex.download(path);
      expect(download.status, path).toBe(200);
      const text = await pdfText(download.bytes);
      expect(text, path).toContain(businessName);
      expect(text, path).toContain("Alex Rivera");
      expect(text, path).not.toContain(business.id.slice(0, 8));
    }
    const pendingId = seen.pending.edges[0].node.id;
    const original = await pdfText((await alex.download(`/files/documents/documents/${pendingId}/original.pdf`)).bytes);
    expect(original).toContain(businessName);
    expect(original).toContain("Alex Rivera");

    // The admin console's history: the payment, the audit trail of both signatures.
    const history = await business.staff.data(
      `query ($id: ID!, $doc: ID!) {
      invoice(id: $id) { status payments { kind method } }
      document(id: $doc) { auditVerification { valid } auditTrail(first: 50) { edges { node { action } } } }
    }`,
      { id: paidId, doc: seen.signed.edges[0].node.id },
    );
    expect(history.invoice.payments).toEqual([{ kind: "PAYMENT", method: "test" }]);
    expect(history.document.auditVerification.valid).toBe(true);
    const actions = nodes<{ action: string }>(history.document.auditTrail).map((entry) => entry.action);
    expect(actions.filter((a: string) => a === "SIGNED")).toHaveLength(2);
    expect(actions).toContain("COMPLETED");

    // And its email log: both invoices, the receipt, both signature requests, the completed copy.
    const expectedTemplates = ["NEW_INVOICE", "NEW_INVOICE", "RECEIPT", "SIGNATURE_REQUEST", "SIGNATURE_REQUEST", "DOCUMENT_COMPLETED"];
    const log = await eventually(
      () =>
        business.staff.data(`query ($search: String) { emailLog(search: $search, first: 50) { edges { node { template status } } } }`, {
          search: email,
        }),
      (data) => {
        const sent = nodes<{ template: string }>(data.emailLog).map((entry) => entry.template);
        return expectedTemplates.every(
          (template) => sent.filter((t) => t === template).length >= expectedTemplates.filter((t) => t === template).length,
        );
      },
    );
    const templates = nodes<{ template: string }>(log.emailLog)
      .map((entry) => entry.template)
      .filter((t) => t !== "INVITATION");
    expect(templates.sort()).toEqual([...expectedTemplates].sort());

    // `npm start` again: everything is found, nothing is added.
    expect(await seedDemoContent(target)).toEqual({ invoices: 0, documents: 0 });
    const counts = await business.staff.data(
      `query ($id: ID!) { invoices(contactId: $id, first: 50) { edges { node { id } } } documents(contactId: $id, first: 50) { edges { node { id } } } }`,
      { id: contactId },
    );
    expect(counts.invoices.edges).toHaveLength(2);
    expect(counts.documents.edges).toHaveLength(2);
  }, 180_000);
});

/**
 * `npm start` on an empty database: the demo business seeded, then the subgraphs started one by one
 * in npm start's order. Billing subscribes to identity's events only after identity relayed the
 * demo's, so without the snapshots sent again billing would never know Alex. The second case is an
 * installation whose first start came before that (nothing new to republish for): the demo
 * business's snapshots are sent again because its content is missing.
 */
describe.each([
  { name: "the first npm start", firstStart: true },
  { name: "a start where billing missed identity's first events", firstStart: false },
])("$name", ({ firstStart }) => {
  const baseUrl = new URL(inject("databaseUrl" as never) as string);
  const database = `demo_first_start_${randomUUID().slice(0, 8)}`;
  const url = Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString();
  const running: RunningSubgraphProcess[] = [];
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl.toString() });
    await client.connect();
    await client.query(statement);
    await client.end();
  };

  beforeAll(async () => {
    await admin(`create database "${database}"`);
  });
  afterAll(async () => {
    for (const subgraph of running.reverse()) await subgraph.stop();
    await admin(`drop database if exists "${database}" with (force)`);
  });

  it("ends with the demo's invoices and documents, whose PDFs name Brightside Studio and Alex; the next start adds nothing", async () => {
    const seeded = await seedDemo({ databaseUrl: url, portalSecret: TEST_SECRET, operatorEmail: "operator@portal.test" });
    expect(seeded).toMatchObject({ created: true, republish: true });
    const parties = seeded.parties!;
    expect(parties).toMatchObject({ business: { name: "Brightside Studio" }, client: { name: "Alex Rivera", email: "alex@client.test" } });
    for (const entry of SUBGRAPHS) running.push(await runSubgraph(await entry.define(TEST_SECRET), testRuntime(url)));
    const urlOf = (name: string) => running[SUBGRAPHS.findIndex((entry) => entry.name === name)]!.url;
    const options = { databaseUrl: url, portalSecret: TEST_SECRET, billingUrl: urlOf("billing"), documentsUrl: urlOf("documents") };

    expect(await finishSeeding(firstStart ? seeded : { ...seeded, created: false, republish: false }, options)).toEqual({
      invoices: 2,
      documents: 2,
    });

    const owner = makeCaller({ businessId: parties.business.id, actor: { kind: "staff", id: parties.owner.id, role: "owner" } });
    const listed = await callSubgraph(
      options.billingUrl,
      owner,
      `query ($id: ID!) { invoices(contactId: $id, first: 10) { edges { node { id status } } } }`,
      { id: parties.client.id },
    );
    const invoices = listed.data.invoices.edges.map((e: { node: { id: string; status: string } }) => e.node);
    expect(invoices.map((invoice: { status: string }) => invoice.status).sort()).toEqual(["OPEN", "PAID"]);
    for (const invoice of invoices) {
      const pdf = await signedFetch(new URL(`/files/invoices/${invoice.id}.pdf`, options.billingUrl), owner);
      const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain("Brightside Studio");
      expect(text).toContain("Alex Rivera");
    }
    const documents = await callSubgraph(
      options.documentsUrl,
      owner,
      `query ($id: ID!) { documents(contactId: $id, first: 10) { edges { node { status } } } }`,
      { id: parties.client.id },
    );
    expect(documents.data.documents.edges.map((e: { node: { status: string } }) => e.node.status).sort()).toEqual(["COMPLETED", "SENT"]);

    const second = await seedDemo({ databaseUrl: url, portalSecret: TEST_SECRET, operatorEmail: "operator@portal.test" });
    expect(second).toMatchObject({ created: false, republish: false });
    expect(await finishSeeding(second, options)).toEqual({ invoices: 0, documents: 0 });
  }, 180_000);
});
