import "reflect-metadata";
import { documents as documentEvents } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_SECRET, type RunningSubgraphProcess } from "@portal/kit";
import { documentsSignedPdf } from "../src/index.js";
import { documentCompleted, finishedEvents, signatureRequested, startFakeDocuments, type FakeDocuments } from "./document-helpers.js";
import {
  createScratchDatabase,
  eventually,
  logEntriesFor,
  newBusiness,
  newRecipient,
  startAutomation,
  startFakePostmark,
  type FakePostmark,
} from "./helpers.js";
import { publishAt, publishBusiness } from "./invoice-helpers.js";

describe("document emails through Postmark (real SDK, local Postmark API)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let postmark: FakePostmark;
  let documents: FakeDocuments;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    postmark = await startFakePostmark();
    documents = await startFakeDocuments();
    automation = await startAutomation(database.url, {
      mail: { postmarkServerToken: postmark.token, postmarkApiUrl: postmark.url, fromAddress: "Client Portal <portal@example.test>" },
      signedPdf: documentsSignedPdf({ documentsUrl: () => documents.url, portalSecret: TEST_SECRET }),
    });
  });
  afterAll(async () => {
    await automation?.stop();
    await documents?.close();
    await postmark?.close();
    await database?.drop();
  });

  const finished = (reference: string) =>
    eventually(
      async () => {
        const rows = await finishedEvents(automation, reference);
        return rows.length > 0 && rows;
      },
      20_000,
      `automation.email.finished for ${reference}`,
    );

  it("attaches the sealed PDF to the fully-signed email as a Postmark attachment", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const party = newRecipient();
    const completed = documentCompleted(business, [{ recipient: party }], { title: "Lease: 12 Main St." });
    const pdf = Buffer.from("%PDF-1.7 sealed lease");
    documents.pdfs.set(completed.documentId, pdf);
    await publishAt(automation, documentEvents.documentCompleted, business, completed);

    const request = await eventually(async () => postmark.requests.find((r) => r.body.To === party.email), 20_000, "the Postmark request");
    expect(request.body).toMatchObject({
      Subject: "“Lease: 12 Main St.” has been signed by everyone",
      Tag: "DOCUMENT_COMPLETED",
      From: `"Acme Studio" <portal@example.test>`,
    });
    expect(request.body.Attachments).toEqual([
      { Name: "Lease 12 Main St. (signed).pdf", Content: pdf.toString("base64"), ContentType: "application/pdf", ContentID: null },
    ]);
    const [event] = await finished(completed.reference);
    expect(event!.payload).toEqual({
      reference: completed.reference,
      template: "DOCUMENT_COMPLETED",
      recipientEmail: party.email,
      status: "SENT",
      reason: null,
    });
  });

  it("reports a signature request Postmark refuses for good as FAILED, with Postmark's reason", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const request = signatureRequested(business);
    postmark.script(request.recipient.email, [
      { status: 422, ErrorCode: 406, Message: "You tried to send to a recipient that has been marked as inactive." },
    ]);
    await publishAt(automation, documentEvents.signatureRequested, business, request);

    const [event] = await finished(request.reference);
    expect(event!.payload).toMatchObject({
      reference: request.reference,
      template: "SIGNATURE_REQUEST",
      recipientEmail: request.recipient.email,
      status: "FAILED",
    });
    expect(event!.payload.reason).toContain("marked as inactive");
    const [entry] = await logEntriesFor(automation, business, request.recipient.email);
    expect(entry).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(await finishedEvents(automation, request.reference)).toHaveLength(1);
  });
});
