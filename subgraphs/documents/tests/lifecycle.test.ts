import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeyIn,
  auditActions,
  gql,
  newTenant,
  ok,
  OPS,
  outboxEvents,
  prepareDocument,
  signInput,
  startDocuments,
  type Tenant,
} from "./helpers.js";

describe("signing order and lifecycle", () => {
  let documents: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    tenant = await newTenant(documents);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  it("in sequence, only the lowest order may sign, then the next one's turn begins", async () => {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace }]);
    expect(sent.status).toBe("SENT");
    expect(sent.recipients.map((r: any) => r.isTheirTurn)).toEqual([true, false]);

    const early = (await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(early.__typename).toBe("DocumentStateError");
    expect(early.message).toMatch(/not your turn/);

    const first = ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    expect(first.status).toBe("PARTIALLY_SIGNED");
    expect(first.myRecipient).toMatchObject({ status: "SIGNED", isTheirTurn: false });
    expect(first.recipients[1].isTheirTurn).toBe(true);

    const requests = (await outboxEvents(documents, sent.id)).filter((e) => e.type === "documents.signature.requested");
    expect(requests.map((e) => [e.payload.contactId, e.payload.reminder])).toEqual([
      [ada.id, false],
      [grace.id, false],
    ]);
    expect(requests[1]!.payload).toMatchObject({
      link: `${tenant.portalUrl}/documents/${sent.id}`,
      senderName: "Olivia Owner",
      reference: `document:${sent.id}`,
      recipient: { email: grace.email, firstName: "Grace", dnd: false },
    });

    const last = ok((await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    expect(last.status).toBe("COMPLETED");
    expect(last.finalSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(last.signedPdfUrl).toBe(`/files/documents/documents/${sent.id}/signed.pdf`);
    expect(await auditActions(documents, sent.id)).toEqual(["CREATED", "SENT", "CONSENTED", "SIGNED", "CONSENTED", "SIGNED", "COMPLETED"]);
  });

  it("equal orders act together; an approver approves without a signature", async () => {
    const [ada, grace, alan] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [
      { who: ada, order: 1 },
      { who: grace, order: 1, role: "APPROVER" },
      { who: alan, order: 2 },
    ]);
    expect(sent.recipients.map((r: any) => r.isTheirTurn)).toEqual([true, true, false]);
    const approved = ok((await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id, { signature: null }) })).signDocument);
    expect(approved.myRecipient.status).toBe("APPROVED");
    expect(approved.recipients[2].isTheirTurn).toBe(false);
    ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    const after = (await gql(documents, tenant.owner.caller, OPS.get, { id: sent.id })).document;
    expect(after.recipients[2].isTheirTurn).toBe(true);
  });

  it("in parallel, any signer may go first", async () => {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace }], { signingOrder: "PARALLEL" });
    expect(sent.recipients.every((r: any) => r.isTheirTurn)).toBe(true);
    const second = ok((await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    expect(second.status).toBe("PARTIALLY_SIGNED");
    const requests = (await outboxEvents(documents, sent.id)).filter((e) => e.type === "documents.signature.requested");
    expect(requests).toHaveLength(2); // both at send time, nobody asked twice
  });

  it("cannot sign twice", async () => {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace }], { signingOrder: "PARALLEL" });
    ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    const again = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(again).toMatchObject({ __typename: "DocumentStateError", status: "PARTIALLY_SIGNED" });
    expect(again.message).toMatch(/already signed/);
  });

  it("a decline stops the document and tells the sender why", async () => {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace }], { signingOrder: "PARALLEL" });
    const empty = (await gql(documents, ada.caller, OPS.decline, { input: { documentId: sent.id, reason: "  " } })).declineDocument;
    expect(empty).toMatchObject({ __typename: "ValidationError", field: "reason" });
    const declined = ok(
      (await gql(documents, ada.caller, OPS.decline, { input: { documentId: sent.id, reason: "Wrong rate" } })).declineDocument,
    );
    expect(declined.status).toBe("DECLINED");
    expect(declined.myRecipient.status).toBe("DECLINED");
    const late = (await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(late).toMatchObject({ __typename: "DocumentStateError", status: "DECLINED" });
    const event = (await outboxEvents(documents, sent.id)).find((e) => e.type === "documents.document.declined")!;
    expect(event.payload).toMatchObject({
      reason: "Wrong rate",
      declinedBy: { name: "Ada Lovelace", email: ada.email },
      notify: [
        { staffId: tenant.owner.id, recipient: { email: tenant.owner.email }, link: `${tenant.portalUrl}/admin/documents/${sent.id}` },
      ],
    });
  });

  it("a decline of a document sent with an API key tells the business's owners, not its other staff", async () => {
    const [ada] = tenant.contacts;
    const draft = await prepareDocument(documents, tenant, [{ who: ada }], { send: false });
    ok((await gql(documents, apiKeyIn(tenant.businessId, ["read", "write"]), OPS.send, { id: draft.id })).sendDocument);
    ok((await gql(documents, ada.caller, OPS.decline, { input: { documentId: draft.id, reason: "Not now" } })).declineDocument);
    const event = (await outboxEvents(documents, draft.id)).find((e) => e.type === "documents.document.declined")!;
    expect(event.payload.notify).toEqual([
      {
        staffId: tenant.owner.id,
        recipient: { email: tenant.owner.email, name: tenant.owner.name, firstName: "Olivia", dnd: false },
        link: `${tenant.portalUrl}/admin/documents/${draft.id}`,
      },
    ]);
  });

  it("nobody signs after staff void it; a draft is deleted rather than voided", async () => {
    const [ada] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }]);
    const voided = ok((await gql(documents, tenant.owner.caller, OPS.void, { id: sent.id, reason: "Superseded" })).voidDocument);
    expect(voided).toMatchObject({ status: "VOIDED", voidReason: "Superseded" });
    const late = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(late).toMatchObject({ __typename: "DocumentStateError", status: "VOIDED" });
    const draft = await prepareDocument(documents, tenant, [{ who: ada }], { send: false });
    expect((await gql(documents, tenant.owner.caller, OPS.void, { id: draft.id, reason: "x" })).voidDocument.__typename).toBe(
      "DocumentStateError",
    );
    expect((await gql(documents, tenant.owner.caller, OPS.delete, { id: sent.id })).deleteDocument.__typename).toBe("DocumentStateError");
    expect((await gql(documents, tenant.owner.caller, OPS.delete, { id: draft.id })).deleteDocument).toEqual({
      __typename: "DeleteDocumentSuccess",
      deletedId: draft.id,
    });
    expect((await gql(documents, tenant.owner.caller, OPS.get, { id: draft.id })).document).toBeNull();
  });

  it("a copy-only recipient never acts, and the consent must be accepted in its current version", async () => {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace, role: "CC" }]);
    expect(sent.recipients[1]).toMatchObject({ status: "NOT_REQUIRED", isTheirTurn: false });
    const cc = (await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(cc.__typename).toBe("DocumentStateError");
    const refused = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id, { consentAccepted: false }) })).signDocument;
    expect(refused).toMatchObject({ __typename: "ValidationError", field: "consentAccepted" });
    const stale = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id, { consentVersion: "2019-01" }) })).signDocument;
    expect(stale).toMatchObject({ __typename: "ValidationError", field: "consentVersion" });
    const unsigned = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id, { signature: null }) })).signDocument;
    expect(unsigned).toMatchObject({ __typename: "ValidationError", field: "signature" });
    const completed = ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    expect(completed.status).toBe("COMPLETED");
    const parties = (await outboxEvents(documents, sent.id)).find((e) => e.type === "documents.document.completed")!.payload.parties;
    expect(parties.map((p: any) => p.contactId ?? p.staffId)).toEqual([ada.id, grace.id, tenant.owner.id]);
  });
});
