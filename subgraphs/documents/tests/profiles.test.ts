import { randomUUID } from "node:crypto";
import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, OPS, startDocuments, staffIn } from "./helpers.js";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("documents' copy of identity's data, from identity's events", () => {
  let documents: RunningSubgraphProcess;
  beforeAll(async () => {
    documents = await startDocuments();
  });
  afterAll(async () => {
    await documents?.stop();
  });

  const publish = (type: string, businessId: string, payload: Record<string, unknown>, occurredAt = new Date()) =>
    documents.boss.publish(type, { eventId: randomUUID(), type, businessId, occurredAt: occurredAt.toISOString(), payload });

  it("keeps staff (newest wins, removals flagged) and lets them be recipients until removed", async () => {
    const businessId = randomUUID();
    const staffId = randomUUID();
    const contactId = randomUUID();
    const owner = staffIn(businessId);
    const em = forkFor(documents.orm, null);
    await publish("identity.business.updated", businessId, {
      business: {
        id: businessId,
        slug: "acme",
        name: "Acme",
        displayName: "Acme Co",
        logoUrl: null,
        primaryColor: "#2563eb",
        accentColor: "#f59e0b",
        portalUrl: "https://acme.test",
      },
    });
    await publish("identity.contact.changed", businessId, {
      contact: { id: contactId, name: "Ada Lovelace", firstName: "Ada", email: "ada@x.test", dnd: true, accessStatus: "NONE" },
    });
    await publish("identity.staff.changed", businessId, {
      staff: { id: staffId, name: "Sam Staff", email: "sam@x.test", role: "STAFF", removed: false },
    });
    await publish(
      "identity.staff.changed",
      businessId,
      { staff: { id: staffId, name: "Old Name", email: "old@x.test", role: "STAFF", removed: false } },
      new Date(Date.now() - 60_000),
    );
    const staffRows = () =>
      sql<{ name: string; removed: boolean }>(em, `select name, removed from documents.known_staff where staff_id = ?`, [staffId]);
    const contactRows = () =>
      sql<{ first_name: string; dnd: boolean }>(em, `select first_name, dnd from documents.known_contact where contact_id = ?`, [
        contactId,
      ]);
    expect(await until(staffRows, (rows) => rows.length === 1)).toEqual([{ name: "Sam Staff", removed: false }]);
    expect(await until(contactRows, (rows) => rows.length === 1)).toEqual([{ first_name: "Ada", dnd: true }]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the older snapshot has been handled by now
    expect(await staffRows()).toEqual([{ name: "Sam Staff", removed: false }]);

    const draft = (await gql(documents, owner, OPS.create, { input: { title: "Staff test" } })).createDocument.document;
    const asRecipient = () =>
      gql(documents, owner, OPS.recipients, { id: draft.id, recipients: [{ staffId, role: "SIGNER", order: 1 }] }).then(
        (d) => d.setDocumentRecipients,
      );
    expect((await asRecipient()).document.recipients[0]).toMatchObject({ name: "Sam Staff", email: "sam@x.test", kind: "STAFF" });

    await publish("identity.staff.changed", businessId, {
      staff: { id: staffId, name: "Sam Staff", email: "sam@x.test", role: "STAFF", removed: true },
    });
    await until(staffRows, (rows) => rows[0]?.removed === true);
    expect(await asRecipient()).toMatchObject({ __typename: "ValidationError", field: "recipients.0.staffId" });
  });
});
