import { randomUUID } from "node:crypto";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, newTenant, ok, OPS, outboxEvents, prepareDocument, startDocuments, uploadPdf, type Tenant } from "./helpers.js";
import { makeSourcePdf } from "./pdf-fixtures.js";

describe("drafts", () => {
  let documents: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    tenant = await newTenant(documents);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  const staff = () => tenant.owner.caller;
  const create = async (input: Record<string, unknown> = {}) =>
    (await gql(documents, staff(), OPS.create, { input: { title: "Draft", ...input } })).createDocument;

  it("validates the document's own fields, naming each", async () => {
    expect(await create({ title: "  " })).toMatchObject({ __typename: "ValidationError", field: "title" });
    expect(await create({ expiresAt: new Date(Date.now() - 1000).toISOString() })).toMatchObject({ field: "expiresAt" });
    expect(await create({ reminderIntervalDays: 0 })).toMatchObject({ field: "reminderIntervalDays" });
    const draft = ok(await create({ title: " Lease ", message: "Hi", signingOrder: "PARALLEL", reminderIntervalDays: 3 }));
    expect(draft).toMatchObject({
      title: "Lease",
      status: "DRAFT",
      signingOrder: "PARALLEL",
      pageCount: 0,
      originalPdfUrl: null,
      recipients: [],
    });
    const updated = ok(
      (await gql(documents, staff(), OPS.update, { id: draft.id, input: { title: "Lease 2", signingOrder: "SEQUENTIAL" } })).updateDocument,
    );
    expect(updated).toMatchObject({ title: "Lease 2", signingOrder: "SEQUENTIAL" });
  });

  it("checks recipients: known people of the business, once each, with an order", async () => {
    const [ada, grace] = tenant.contacts;
    const draft = ok(await create());
    const set = (recipients: unknown[]) =>
      gql(documents, staff(), OPS.recipients, { id: draft.id, recipients }).then((d) => d.setDocumentRecipients);
    expect(await set([{ contactId: randomUUID(), role: "SIGNER", order: 1 }])).toMatchObject({ field: "recipients.0.contactId" });
    expect(await set([{ role: "SIGNER", order: 1 }])).toMatchObject({ field: "recipients.0.contactId" });
    expect(await set([{ staffId: randomUUID(), role: "SIGNER", order: 1 }])).toMatchObject({ field: "recipients.0.staffId" });
    expect(
      await set([
        { contactId: ada.id, role: "SIGNER", order: 1 },
        { contactId: ada.id, role: "CC", order: 1 },
      ]),
    ).toMatchObject({ field: "recipients.1.contactId" });
    expect(await set([{ contactId: ada.id, role: "SIGNER", order: 0 }])).toMatchObject({ field: "recipients.0.order" });
    const other = await newTenant(documents);
    expect(await set([{ contactId: other.contacts[0].id, role: "SIGNER", order: 1 }])).toMatchObject({ field: "recipients.0.contactId" });

    const first = ok(
      await set([
        { contactId: ada.id, role: "SIGNER", order: 1 },
        { contactId: grace.id, role: "SIGNER", order: 2 },
      ]),
    );
    expect(first.recipients.map((r: any) => [r.name, r.email, r.order])).toEqual([
      ["Ada Lovelace", ada.email, 1],
      ["Grace Hopper", grace.email, 2],
    ]);
    const again = ok(
      await set([
        { contactId: grace.id, role: "SIGNER", order: 1 },
        { staffId: tenant.colleague.id, role: "APPROVER", order: 2 },
      ]),
    );
    expect(again.recipients.find((r: any) => r.contact?.id === grace.id).id).toBe(first.recipients[1].id); // kept, same id
    expect(again.recipients.map((r: any) => r.kind)).toEqual(["CONTACT", "STAFF"]);
  });

  it("places fields only for signers, on existing pages, inside the page", async () => {
    const [ada, grace] = tenant.contacts;
    const draft = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace, role: "APPROVER" }], { send: false, pages: 2 });
    const [signer, approver] = draft.recipients;
    const field = (overrides: Record<string, unknown>) => ({
      recipientId: signer.id,
      kind: "SIGNATURE",
      page: 1,
      x: 0.1,
      y: 0.1,
      width: 0.2,
      height: 0.05,
      ...overrides,
    });
    const place = (fields: unknown[]) => gql(documents, staff(), OPS.fields, { id: draft.id, fields }).then((d) => d.setDocumentFields);
    expect(await place([field({}), field({ page: 3 })])).toMatchObject({ __typename: "ValidationError", field: "fields.1.page" });
    expect(await place([field({ recipientId: approver.id })])).toMatchObject({ field: "fields.0.recipientId" });
    expect(await place([field({ recipientId: randomUUID() })])).toMatchObject({ field: "fields.0.recipientId" });
    expect(await place([field({ x: 0.9, width: 0.2 })])).toMatchObject({ field: "fields.0.width" });
    expect(await place([field({ y: -0.1 })])).toMatchObject({ field: "fields.0.y" });
    expect(await place([field({ height: 0 })])).toMatchObject({ field: "fields.0.height" });
    const placed = ok(await place([field({}), field({ kind: "TEXT", label: "Company", page: 2 })]));
    expect(placed.fields.map((f: any) => [f.kind, f.page, f.label, f.required])).toEqual([
      ["SIGNATURE", 1, null, true],
      ["TEXT", 2, "Company", true],
    ]);
    // Dropping the signer takes their fields with them.
    const dropped = ok(
      (await gql(documents, staff(), OPS.recipients, { id: draft.id, recipients: [{ contactId: grace.id, role: "APPROVER", order: 1 }] }))
        .setDocumentRecipients,
    );
    expect(dropped.fields).toEqual([]);
  });

  it("sends only a complete draft, naming what is missing", async () => {
    const [ada] = tenant.contacts;
    const send = (id: string) => gql(documents, staff(), OPS.send, { id }).then((d) => d.sendDocument);
    const empty = ok(await create());
    expect(await send(empty.id)).toMatchObject({ __typename: "ValidationError", field: "file" });
    expect((await uploadPdf(documents, staff(), empty.id, await makeSourcePdf(1))).status).toBe(200);
    expect(await send(empty.id)).toMatchObject({ field: "recipients" });
    ok(
      (await gql(documents, staff(), OPS.recipients, { id: empty.id, recipients: [{ contactId: ada.id, role: "CC", order: 1 }] }))
        .setDocumentRecipients,
    );
    expect(await send(empty.id)).toMatchObject({ field: "recipients", message: expect.stringMatching(/signer or approver/) });
    ok(
      (await gql(documents, staff(), OPS.recipients, { id: empty.id, recipients: [{ contactId: ada.id, role: "SIGNER", order: 1 }] }))
        .setDocumentRecipients,
    );
    expect(await send(empty.id)).toMatchObject({
      field: "recipients.0",
      message: expect.stringMatching(/signature field for Ada Lovelace/),
    });

    const ready = await prepareDocument(documents, tenant, [{ who: ada }], { send: false });
    const sent = ok((await gql(documents, staff(), OPS.send, { id: ready.id, invite: false })).sendDocument);
    expect(sent.sentAt).not.toBeNull();
    expect((await gql(documents, staff(), OPS.update, { id: ready.id, input: { title: "Changed" } })).updateDocument).toMatchObject({
      __typename: "DocumentStateError",
      status: "SENT",
    });
    expect((await gql(documents, staff(), OPS.recipients, { id: ready.id, recipients: [] })).setDocumentRecipients.__typename).toBe(
      "DocumentStateError",
    );
    expect((await gql(documents, staff(), OPS.send, { id: ready.id })).sendDocument.__typename).toBe("DocumentStateError");
    const sentEvent = (await outboxEvents(documents, ready.id)).find((e) => e.type === "documents.document.sent")!;
    expect(sentEvent.payload).toMatchObject({
      documentId: ready.id,
      title: "Services agreement",
      contactIds: [ada.id],
      inviteToPortal: false,
    });
  });
});
