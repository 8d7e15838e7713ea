import { randomUUID } from "node:crypto";
import { forkFor, saveStaffSnapshot, sql, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, gql, newTenant, ok, OPS, outboxEvents, prepareDocument, signInput, startDocuments, type Tenant } from "./helpers.js";

/** Another business's people and documents: refused or not found, and nothing is written. */
describe("ids of another business", () => {
  let documents: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    [a, b] = await Promise.all([newTenant(documents), newTenant(documents)]);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  const recipientRows = async (documentId: string) =>
    sql<{ contact_id: string | null; staff_id: string | null }>(
      forkFor(documents.orm, null),
      `select contact_id, staff_id from documents.recipient where document_id = ? order by position`,
      [documentId],
    );

  it("setDocumentRecipients refuses another business's contact or staff member, naming the entry, and keeps the draft's recipients", async () => {
    const [ada] = a.contacts;
    const draft = await prepareDocument(documents, a, [{ who: ada }], { send: false });
    const before = await recipientRows(draft.id);
    const writeKey = apiKeyIn(a.businessId, ["read", "write"]);
    const cases: [Caller, unknown[], string, string][] = [
      [
        a.owner.caller,
        [
          { contactId: ada.id, role: "SIGNER", order: 1 },
          { contactId: b.contacts[0].id, role: "SIGNER", order: 2 },
        ],
        "recipients.1.contactId",
        "No such contact in this business",
      ],
      [writeKey, [{ contactId: b.contacts[1].id, role: "CC", order: 1 }], "recipients.0.contactId", "No such contact in this business"],
      [
        a.owner.caller,
        [
          { contactId: ada.id, role: "SIGNER", order: 1 },
          { staffId: b.owner.id, role: "SIGNER", order: 2 },
        ],
        "recipients.1.staffId",
        "No such staff member in this business",
      ],
      [
        writeKey,
        [{ staffId: b.colleague.id, role: "APPROVER", order: 1 }],
        "recipients.0.staffId",
        "No such staff member in this business",
      ],
      [
        a.owner.caller,
        [{ contactId: "not-a-uuid", role: "SIGNER", order: 1 }],
        "recipients.0.contactId",
        "No such contact in this business",
      ],
      [
        a.owner.caller,
        [{ contactId: randomUUID(), role: "SIGNER", order: 1 }],
        "recipients.0.contactId",
        "No such contact in this business",
      ],
    ];
    for (const [caller, recipients, field, message] of cases) {
      const result = (await gql(documents, caller, OPS.recipients, { id: draft.id, recipients })).setDocumentRecipients;
      expect(result, field).toMatchObject({ __typename: "ValidationError", field, message });
    }
    expect(await recipientRows(draft.id)).toEqual(before);
    expect((await gql(documents, a.owner.caller, OPS.get, { id: draft.id })).document.fields).toHaveLength(2);
  });

  it("a removed staff member can no longer be added", async () => {
    const draft = ok((await gql(documents, a.owner.caller, OPS.create, { input: { title: "Counter-signed" } })).createDocument);
    const leaver = randomUUID();
    await forkFor(documents.orm, a.businessId).transactional((em) =>
      saveStaffSnapshot(
        em,
        a.businessId,
        { id: leaver, name: "Lee Leaver", email: "lee@example.test", role: "STAFF", removed: true },
        new Date().toISOString(),
      ),
    );
    const result = (
      await gql(documents, a.owner.caller, OPS.recipients, { id: draft.id, recipients: [{ staffId: leaver, role: "SIGNER", order: 1 }] })
    ).setDocumentRecipients;
    expect(result).toMatchObject({ __typename: "ValidationError", field: "recipients.0.staffId" });
    expect(await recipientRows(draft.id)).toEqual([]);
  });

  it("B's documents are not found by A's staff, API key or contacts, and stay untouched", async () => {
    const [bAda] = b.contacts;
    const draft = await prepareDocument(documents, b, [{ who: bAda }], { send: false });
    const sent = await prepareDocument(documents, b, [{ who: bAda }]);
    const eventsBefore = (await outboxEvents(documents, sent.id)).length;
    const notFound = async (caller: Caller, query: string, variables: Record<string, unknown>) => {
      const data = await gql(documents, caller, query, variables);
      expect(Object.values(data)[0], query).toMatchObject({ __typename: "NotFoundError" });
    };
    for (const staff of [a.owner.caller, apiKeyIn(a.businessId, ["read", "write"])]) {
      await notFound(staff, OPS.update, { id: draft.id, input: { title: "Taken over" } });
      await notFound(staff, OPS.recipients, { id: draft.id, recipients: [{ contactId: a.contacts[0].id, role: "SIGNER", order: 1 }] });
      await notFound(staff, OPS.fields, { id: draft.id, fields: [] });
      await notFound(staff, OPS.send, { id: draft.id });
      await notFound(staff, OPS.delete, { id: draft.id });
      await notFound(staff, OPS.void, { id: sent.id, reason: "Not ours" });
      await notFound(staff, OPS.remind, { id: sent.id });
    }
    // A's contact, even presenting B's contact id, acts in business A.
    for (const contact of [a.contacts[0].caller, { ...a.contacts[0].caller, actor: { kind: "contact", id: bAda.id } } as Caller]) {
      await notFound(contact, OPS.view, { id: sent.id });
      await notFound(contact, OPS.sign, { input: signInput(sent.id) });
      await notFound(contact, OPS.decline, { input: { documentId: sent.id, reason: "No" } });
    }
    const kept = (await gql(documents, b.owner.caller, OPS.get, { id: draft.id })).document;
    expect(kept).toMatchObject({ title: "Services agreement", status: "DRAFT", recipients: [{ contact: { id: bAda.id } }] });
    expect(kept.fields).toHaveLength(2);
    const stillSent = (await gql(documents, b.owner.caller, OPS.get, { id: sent.id })).document;
    expect(stillSent).toMatchObject({ status: "SENT", recipients: [{ status: "PENDING", viewedAt: null }] });
    expect(await outboxEvents(documents, sent.id)).toHaveLength(eventsBefore);
  });
});
