import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { billing, documents as documentEvents, identity } from "@portal/contracts";
import { forkFor, listDeadLetters, retryDeadLetter, sql, type DeadLetter, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signatureRequested } from "./document-helpers.js";
import { createScratchDatabase, eventually, linkPayload, logEntriesFor, newBusiness, newRecipient, startAutomation } from "./helpers.js";
import { invoiceSent, newContact, publishAt, publishBusiness, publishContact } from "./invoice-helpers.js";

/** Automation's consumers give up quickly here (one retry, no delay); production retries for about 17 minutes. */
const QUICK_RETRY = { limit: 1, delaySeconds: 0, backoff: false };

describe("emails whose event never completes", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url, {}, { eventRetry: QUICK_RETRY });
  });
  afterAll(async () => {
    await automation?.stop();
    await database?.drop();
  });

  const deadLetterOf = async (eventId: string): Promise<DeadLetter | undefined> =>
    (await listDeadLetters(forkFor(automation.orm, null), { consumer: "automation", first: 100 })).edges
      .map((edge) => edge.node)
      .find((letter) => letter.eventId === eventId);

  it("logs a new-invoice email FAILED with the reason when its contact never becomes known, and sends it once an operator retries", async () => {
    const business = newBusiness();
    const contact = newContact();
    await publishBusiness(automation, business);
    const event = await publishAt(automation, billing.invoiceSent, business, invoiceSent(contact.id, { number: 7 }));

    const failed = await eventually(
      async () => (await logEntriesFor(automation, business)).find((entry) => entry.status === "FAILED"),
      20_000,
      "the FAILED entry",
    );
    expect(failed).toMatchObject({ template: "NEW_INVOICE", recipient: `Contact ${contact.id}`, subject: "Invoice 7" });
    expect(failed.reason).toContain("billing.invoice.sent");
    expect(failed.reason).toContain(`Contact ${contact.id} is not known here yet`);
    const letter = await deadLetterOf(event.eventId);
    expect(letter).toMatchObject({ status: "open", attempts: 2, eventType: "billing.invoice.sent" });

    // The contact arrives; an operator retries: the email goes out once, and the letter is resolved.
    await publishContact(automation, business, contact);
    await eventually(
      async () =>
        (await sql(forkFor(automation.orm, null), `select 1 from automation.known_contact where contact_id = ?`, [contact.id])).length > 0,
    );
    expect(await retryDeadLetter(automation.orm, automation.boss, letter!.id)).toMatchObject({ status: "retrying" });
    const sent = await eventually(
      async () => (await logEntriesFor(automation, business)).find((entry) => entry.status === "SENT"),
      20_000,
      "the sent email",
    );
    expect(sent).toMatchObject({ template: "NEW_INVOICE", recipient: contact.email });
    await eventually(async () => (await deadLetterOf(event.eventId))?.status === "resolved", 20_000, "the resolved letter");
    const entries = await logEntriesFor(automation, business);
    expect(entries.map((entry) => entry.status).sort()).toEqual(["FAILED", "SENT"]);
  });

  it("logs each recipient of a document email FAILED and tells documents through the email's reference", async () => {
    const business = newBusiness(); // never published: automation cannot brand the email
    const request = signatureRequested(business);
    await publishAt(automation, documentEvents.signatureRequested, business, request);

    const failed = await eventually(async () => (await logEntriesFor(automation, business))[0], 20_000, "the FAILED entry");
    expect(failed).toMatchObject({ status: "FAILED", template: "SIGNATURE_REQUEST", recipient: request.recipient.email });
    expect(failed.reason).toContain(`Business ${business.id} is not known here yet`);
    const finished = await sql<{ payload: { status: string; reference: string } }>(
      forkFor(automation.orm, null),
      `select payload from automation.outbox_event where type = 'automation.email.finished' and payload->>'reference' = ?`,
      [request.reference],
    );
    expect(finished.map((row) => row.payload.status)).toEqual(["FAILED"]);
  });

  it("logs an invitation whose event cannot be read FAILED at once, naming the contract's complaint", async () => {
    const business = newBusiness();
    const eventId = randomUUID();
    const payload = { ...linkPayload(business, newRecipient(), `${business.portalUrl}/i/1`), sealedLink: undefined };
    await automation.boss.publish(identity.contactInvited.name, {
      eventId,
      type: identity.contactInvited.name,
      businessId: business.id,
      occurredAt: new Date().toISOString(),
      payload,
    });
    const failed = await eventually(async () => (await logEntriesFor(automation, business))[0], 20_000, "the FAILED entry");
    expect(failed).toMatchObject({ status: "FAILED", template: "INVITATION" });
    expect(failed.reason).toContain("sealedLink: Required");
    expect(await deadLetterOf(eventId)).toMatchObject({ attempts: 1 });
  });
});
