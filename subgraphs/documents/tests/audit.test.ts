import { randomUUID } from "node:crypto";
import { automation, type PayloadInputOf } from "@portal/contracts";
import { callSubgraph, forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, SYSTEM_ACTOR, verifyDocumentAudit } from "../src/audit/audit.service.js";
import { findDocument, withLockedDocument } from "../src/documents/document-store.js";
import { auditActions, databaseUrl, gql, newTenant, ok, OPS, prepareDocument, signInput, startDocuments, type Tenant } from "./helpers.js";

const VERIFY = `query($id: ID!) { document(id: $id) { auditVerification { valid entries problem } auditTrail(first: 50) { totalCount edges { node { sequence action actorKind actorName recipientId ip userAgent details hash previousHash } } } } }`;

/** Tampering as a database superuser would: with triggers off for this session only. */
async function asSuperuser(statement: string, params: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query("set session_replication_role = replica");
    await client.query(statement, params);
  } finally {
    await client.end();
  }
}

describe("audit trail", () => {
  let documents: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    tenant = await newTenant(documents);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  async function signedDocument() {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace }]);
    await gql(documents, ada.caller, OPS.view, { id: sent.id });
    ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    return sent;
  }

  const verification = async (id: string) => (await gql(documents, tenant.owner.caller, VERIFY, { id })).document.auditVerification;

  it("chains every entry with who, when, IP and user agent; VIEWED only the first time", async () => {
    const [ada] = tenant.contacts;
    const sent = await signedDocument();
    await gql(documents, ada.caller, OPS.view, { id: sent.id });
    const trail = (await gql(documents, tenant.owner.caller, VERIFY, { id: sent.id })).document;
    const entries = trail.auditTrail.edges.map((edge: any) => edge.node);
    expect(entries.map((e: any) => e.action)).toEqual(["CREATED", "SENT", "VIEWED", "CONSENTED", "SIGNED"]);
    expect(entries[0].previousHash).toBe("0".repeat(64));
    for (let i = 1; i < entries.length; i++) expect(entries[i].previousHash).toBe(entries[i - 1].hash);
    expect(entries[2]).toMatchObject({ actorKind: "contact", actorName: "Ada Lovelace", ip: "127.0.0.1", userAgent: "vitest" });
    expect(JSON.parse(entries[3].details)).toEqual({ consentVersion: "2026-01" });
    expect(trail.auditVerification).toEqual({ valid: true, entries: 5, problem: null });
  });

  it("the database refuses to change or delete entries", async () => {
    const sent = await signedDocument();
    const em = forkFor(documents.orm, null);
    await expect(sql(em, `update documents.audit_entry set actor_name = 'Mallory' where document_id = ?`, [sent.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(em, `delete from documents.audit_entry where document_id = ? and sequence = 1`, [sent.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(em, `delete from documents.document where id = ?`, [sent.id])).rejects.toThrow(/Only draft documents/);
    expect((await verification(sent.id)).valid).toBe(true);
  });

  it("detects an altered entry", async () => {
    const sent = await signedDocument();
    await asSuperuser(`update documents.audit_entry set ip = '10.6.6.6' where document_id = $1 and sequence = 3`, [sent.id]);
    expect(await verification(sent.id)).toEqual({ valid: false, entries: 5, problem: "Entry 3 was altered after it was recorded" });
  });

  it("detects an entry recomputed with a valid hash but a broken link", async () => {
    const sent = await signedDocument();
    await asSuperuser(`update documents.audit_entry set previous_hash = $2 where document_id = $1 and sequence = 2`, [
      sent.id,
      "f".repeat(64),
    ]);
    expect((await verification(sent.id)).problem).toBe("Entry 2 is not linked to the entry before it");
  });

  it("detects a deleted middle entry", async () => {
    const sent = await signedDocument();
    await asSuperuser(`delete from documents.audit_entry where document_id = $1 and sequence = 2`, [sent.id]);
    expect(await verification(sent.id)).toMatchObject({ valid: false, problem: "Entry 2 is missing from the audit trail" });
  });

  it("detects a deleted newest entry against the document's head", async () => {
    const sent = await signedDocument();
    await asSuperuser(`delete from documents.audit_entry where document_id = $1 and sequence = 5`, [sent.id]);
    expect(await verification(sent.id)).toMatchObject({
      valid: false,
      entries: 4,
      problem: expect.stringMatching(/newest entry is missing/),
    });
  });

  it("checks the document's head and its entries as of one moment, whatever the request read before", async () => {
    const sent = await signedDocument();
    const request = forkFor(documents.orm, tenant.businessId);
    expect((await findDocument(request, sent.id))?.auditHeadSequence).toBe(5); // held by the request from here on
    // Meanwhile an event handler records an email's delivery: a sixth entry and a new head.
    await withLockedDocument(forkFor(documents.orm, tenant.businessId), sent.id, async ({ document, tx }) => {
      appendAudit(tx, document, "EMAILED", SYSTEM_ACTOR, { details: { template: "SIGNATURE_REQUEST" } });
    });
    expect(await verifyDocumentAudit(request, sent.id)).toEqual({ valid: true, entries: 6, problem: null });
  });

  it("is for staff only", async () => {
    const [ada] = tenant.contacts;
    const sent = await signedDocument();
    const response = await callSubgraph(documents.url, ada.caller, VERIFY, { id: sent.id });
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await auditActions(documents, sent.id)).toHaveLength(5);
  });

  it("records how each email about the document ended (automation.email.finished)", async () => {
    const [ada] = tenant.contacts;
    const sent = await signedDocument();
    const publish = (payload: PayloadInputOf<typeof automation.emailFinished>, businessId = tenant.businessId) =>
      documents.boss.publish("automation.email.finished", {
        eventId: randomUUID(),
        type: "automation.email.finished",
        businessId,
        occurredAt: new Date().toISOString(),
        payload,
      });
    await publish({
      reference: `document:${sent.id}`,
      template: "SIGNATURE_REQUEST",
      recipientEmail: ada.email,
      status: "SENT",
      reason: null,
    });
    await publish({
      reference: `invoice:${randomUUID()}`,
      template: "NEW_INVOICE",
      recipientEmail: ada.email,
      status: "SENT",
      reason: null,
    });
    await publish(
      {
        reference: `document:${sent.id}`,
        template: "SIGNATURE_REQUEST",
        recipientEmail: ada.email,
        status: "FAILED",
        reason: "Mailbox full",
      },
      randomUUID(),
    ); // another business
    const deadline = Date.now() + 10_000;
    while (!(await auditActions(documents, sent.id)).includes("EMAILED") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    const entries = (await gql(documents, tenant.owner.caller, VERIFY, { id: sent.id })).document;
    const emailed = entries.auditTrail.edges.map((edge: any) => edge.node).filter((e: any) => e.action === "EMAILED");
    expect(emailed.map((e: any) => JSON.parse(e.details))).toEqual([
      { template: "SIGNATURE_REQUEST", recipient: ada.email, status: "SENT" },
    ]);
    expect(entries.auditVerification.valid).toBe(true);
  });
});
