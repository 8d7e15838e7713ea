import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireDueDocuments, runDueReminders } from "../src/index.js";
import { auditActions, gql, newTenant, ok, OPS, outboxEvents, prepareDocument, signInput, startDocuments, type Tenant } from "./helpers.js";

const DAY = 86_400_000;
const reminders = async (documents: RunningSubgraphProcess, id: string) =>
  (await outboxEvents(documents, id))
    .filter((e) => e.type === "documents.signature.requested" && e.payload.reminder)
    .map((e) => e.payload.recipientId);

describe("expiry and reminders", () => {
  let documents: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    tenant = await newTenant(documents);
  });
  afterAll(async () => {
    await documents?.stop();
  });
  const scope = () => ({ businessId: tenant.businessId });

  it("expires open documents past their expiry, and nobody can sign them", async () => {
    const [ada] = tenant.contacts;
    const expiresAt = new Date(Date.now() + 2 * DAY);
    const sent = await prepareDocument(documents, tenant, [{ who: ada }], { input: { expiresAt: expiresAt.toISOString() } });
    const later = await prepareDocument(documents, tenant, [{ who: ada }], {
      input: { expiresAt: new Date(Date.now() + 9 * DAY).toISOString() },
    });
    await expireDueDocuments(documents.orm, new Date(Date.now() + DAY), scope());
    expect((await gql(documents, ada.caller, OPS.get, { id: sent.id })).document.status).toBe("SENT");
    expect(await expireDueDocuments(documents.orm, new Date(expiresAt.getTime() + 1000), scope())).toBe(1);
    expect((await gql(documents, ada.caller, OPS.get, { id: sent.id })).document.status).toBe("EXPIRED");
    expect((await gql(documents, ada.caller, OPS.get, { id: later.id })).document.status).toBe("SENT");
    expect((await auditActions(documents, sent.id)).at(-1)).toBe("EXPIRED");
    const late = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(late).toMatchObject({ __typename: "DocumentStateError", status: "EXPIRED" });
  });

  it("expires a document at once when someone acts on it after its expiry, before the sweep", async () => {
    const [ada] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }], {
      input: { expiresAt: new Date(Date.now() + DAY).toISOString() },
    });
    await sql(forkFor(documents.orm, null), `update documents.document set expires_at = now() - interval '1 second' where id = ?`, [
      sent.id,
    ]);
    const late = (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument;
    expect(late).toMatchObject({ __typename: "DocumentStateError", status: "EXPIRED", message: "This document has expired" });
    expect((await gql(documents, tenant.owner.caller, OPS.get, { id: sent.id })).document.status).toBe("EXPIRED");
    expect((await auditActions(documents, sent.id)).at(-1)).toBe("EXPIRED");
  });

  it("reminds whoever's turn it is every interval until they act", async () => {
    const [ada, grace] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace }], { input: { reminderIntervalDays: 2 } });
    const [first, second] = sent.recipients.map((r: any) => r.id);
    const base = Date.now();
    await runDueReminders(documents.orm, new Date(base + 1 * DAY), scope());
    expect(await reminders(documents, sent.id)).toEqual([]);
    await runDueReminders(documents.orm, new Date(base + 2 * DAY + 1000), scope());
    expect(await reminders(documents, sent.id)).toEqual([first]);
    await runDueReminders(documents.orm, new Date(base + 3 * DAY), scope());
    expect(await reminders(documents, sent.id)).toEqual([first]); // not again before the next interval
    ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    // Grace's turn began just now: her first reminder comes two days after that, Ada gets no more.
    await runDueReminders(documents.orm, new Date(Date.now() + 2 * DAY + 1000), scope());
    expect(await reminders(documents, sent.id)).toEqual([first, second]);
    expect((await auditActions(documents, sent.id)).filter((a) => a === "REMINDED")).toHaveLength(2);
  });

  it("sends no reminders without an interval, and staff can remind now", async () => {
    const [ada] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }]);
    await runDueReminders(documents.orm, new Date(Date.now() + 30 * DAY), scope());
    expect(await reminders(documents, sent.id)).toEqual([]);
    const reminded = ok((await gql(documents, tenant.owner.caller, OPS.remind, { id: sent.id })).remindDocument);
    expect(reminded.status).toBe("SENT");
    expect(await reminders(documents, sent.id)).toEqual([sent.recipients[0].id]);
    const event = (await outboxEvents(documents, sent.id)).filter((e) => e.type === "documents.signature.requested").at(-1)!;
    expect(event.payload).toMatchObject({
      reminder: true,
      title: "Services agreement",
      message: "Please sign",
      link: `${tenant.portalUrl}/documents/${sent.id}`,
    });
    const draft = await prepareDocument(documents, tenant, [{ who: ada }], { send: false });
    expect((await gql(documents, tenant.owner.caller, OPS.remind, { id: draft.id })).remindDocument.__typename).toBe("DocumentStateError");
  });
});
