import "reflect-metadata";
import { documents as documentEvents } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_SECRET, type RunningSubgraphProcess } from "@portal/kit";
import { documentsSignedPdf } from "../src/index.js";
import {
  documentCompleted,
  documentDeclined,
  emailReferences,
  finishedEvents,
  signatureRequested,
  startFakeDocuments,
  type FakeDocuments,
} from "./document-helpers.js";
import {
  createScratchDatabase,
  eventually,
  gql,
  logEntriesFor,
  newBusiness,
  newRecipient,
  staffOf,
  startAutomation,
  type TestBusiness,
} from "./helpers.js";
import { publishAt, publishBusiness } from "./invoice-helpers.js";

const MAILBOX = `query Mailbox($to: String) {
  devMailbox(first: 20, to: $to) { totalCount edges { node { to from subject html text attachments { name contentType size } } } }
}`;
const TEMPLATE = `query One($key: NotificationTemplateKey!) { notificationTemplate(key: $key) { key subject body placeholders isCustom } }`;
const UPDATE = `mutation Update($input: NotificationTemplateInput!) {
  updateNotificationTemplate(input: $input) { __typename ... on NotificationTemplateSuccess { template { key isCustom } } ... on ValidationError { field message } }
}`;
const PREVIEW = `query Preview($input: NotificationTemplateInput!) { previewNotificationTemplate(input: $input) { subject html text } }`;
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe("document emails (dev mailbox)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let documents: FakeDocuments;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    documents = await startFakeDocuments();
    automation = await startAutomation(database.url, {
      signedPdf: documentsSignedPdf({ documentsUrl: () => documents.url, portalSecret: TEST_SECRET }),
    });
  });
  afterAll(async () => {
    await automation?.stop();
    await documents?.close();
    await database?.drop();
  });

  const mailbox = async (business: TestBusiness, to: string) => {
    const response = await gql(automation, staffOf(business), MAILBOX, { to });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.devMailbox.edges.map((edge: { node: any }) => edge.node) as any[];
  };
  const firstMessage = (business: TestBusiness, to: string) =>
    eventually(async () => (await mailbox(business, to))[0], 20_000, `mail to ${to}`);
  const finished = (reference: string, count = 1) =>
    eventually(
      async () => {
        const rows = await finishedEvents(automation, reference);
        return rows.length >= count && rows;
      },
      20_000,
      `automation.email.finished for ${reference}`,
    );

  async function knownBusiness() {
    const business = newBusiness();
    await publishBusiness(automation, business);
    return business;
  }

  it("asks a signer to sign in the business's branding, naming the sender, with a button to the document", async () => {
    const business = await knownBusiness();
    const request = signatureRequested(business);
    await publishAt(automation, documentEvents.signatureRequested, business, request);

    const message = await firstMessage(business, request.recipient.email);
    expect(message).toMatchObject({
      from: `"Acme Studio" <portal@example.test>`,
      subject: "Olivia Owner sent you “Website design agreement” to sign",
      attachments: [],
    });
    expect(message.html).toContain(`href="${request.link}"`);
    expect(message.html).toContain("Review and sign");
    expect(message.html).toContain(business.primaryColor);
    expect(message.html).toContain(business.logoUrl);
    expect(message.text).toContain("Hi Ada,");
    expect(message.text).toContain("Olivia Owner from Acme Studio has sent you “Website design agreement” to review and sign.");
    expect(message.text).toContain("Here is the agreement we discussed.");
    expect(message.text).toContain(request.link);

    // The message is in the mailbox a moment before the log records the send.
    await expect
      .poll(async () => (await logEntriesFor(automation, business, request.recipient.email))[0])
      .toMatchObject({ template: "SIGNATURE_REQUEST", status: "SENT" });
    expect(await emailReferences(automation, request.recipient.email)).toEqual([
      { reference: request.reference, template: "SIGNATURE_REQUEST", status: "SENT" },
    ]);
    const [event] = await finished(request.reference);
    expect(event).toEqual({
      business_id: business.id,
      payload: {
        reference: request.reference,
        template: "SIGNATURE_REQUEST",
        recipientEmail: request.recipient.email,
        status: "SENT",
        reason: null,
      },
    });
  });

  it("sends a reminder in its own wording, leaving out the message paragraph when there is none, and reports it once", async () => {
    const business = await knownBusiness();
    const request = signatureRequested(business, { reminder: true, message: "" });
    const event = await publishAt(automation, documentEvents.signatureRequested, business, request);

    const message = await firstMessage(business, request.recipient.email);
    expect(message.subject).toBe("Reminder: “Website design agreement” is waiting for your signature");
    expect(message.html).toContain(`href="${request.link}"`);
    expect(message.text).not.toMatch(/\n\n\n/);
    expect(message.html).not.toContain(`<p style="margin:0 0 16px;"></p>`);

    await automation.boss.publish(event.type, event as unknown as object); // a redelivery
    await finished(request.reference);
    await settle();
    expect(await mailbox(business, request.recipient.email)).toHaveLength(1);
    expect((await finishedEvents(automation, request.reference)).map((row) => row.payload.template)).toEqual(["SIGNATURE_REMINDER"]);
  });

  it("sends every party the fully-signed email with the sealed PDF, fetched once from documents as the platform", async () => {
    const business = await knownBusiness();
    const contact = newRecipient();
    const staff = newRecipient({ name: "Olivia Owner", firstName: "Olivia" });
    const completed = documentCompleted(business, [
      { recipient: contact },
      { recipient: staff, staff: true },
      { recipient: { ...staff, email: staff.email.toUpperCase() }, staff: true },
    ]);
    const pdf = Buffer.from("%PDF-1.7 sealed agreement");
    documents.pdfs.set(completed.documentId, pdf);
    await publishAt(automation, documentEvents.documentCompleted, business, completed);

    const toContact = await firstMessage(business, contact.email);
    const toStaff = await firstMessage(business, staff.email);
    expect(toContact.subject).toBe("“Website design agreement” has been signed by everyone");
    expect(toContact.text).toContain("Hi Ada,");
    expect(toContact.html).toContain(`href="${completed.parties[0]!.link}"`);
    expect(toContact.html).toContain("View signed document");
    expect(toStaff.text).toContain("Hi Olivia,");
    expect(toStaff.html).toContain(`href="${business.portalUrl}/admin/documents/${completed.documentId}"`);
    for (const message of [toContact, toStaff]) {
      expect(message.attachments).toEqual([
        { name: "Website design agreement (signed).pdf", contentType: "application/pdf", size: pdf.length },
      ]);
    }

    const fetched = documents.requests.filter((request) => request.path.includes(completed.documentId));
    expect(fetched).toHaveLength(1);
    expect(fetched[0]!.path).toBe(`/files/documents/${completed.documentId}/signed.pdf`);
    expect(fetched[0]!.caller).toMatchObject({ businessId: business.id, actor: { kind: "system" } });

    const events = await finished(completed.reference, 2);
    await settle();
    expect(
      (await finishedEvents(automation, completed.reference)).map((row) => [row.payload.recipientEmail, row.payload.status]).sort(),
    ).toEqual(
      [
        [contact.email, "SENT"],
        [staff.email, "SENT"],
      ].sort(),
    );
    expect(events.every((row) => row.payload.template === "DOCUMENT_COMPLETED")).toBe(true);
  });

  it("tells each staff member to notify who declined and why", async () => {
    const business = await knownBusiness();
    const owner = newRecipient({ name: "Olivia Owner", firstName: "Olivia" });
    const sender = newRecipient({ name: "Sam Staff", firstName: "Sam" });
    const declined = documentDeclined(business, [owner, sender], { reason: "The start date should be May 1.\nAnd the fee is wrong." });
    await publishAt(automation, documentEvents.documentDeclined, business, declined);

    for (const person of [owner, sender]) {
      const message = await firstMessage(business, person.email);
      expect(message.subject).toBe("Grace Hopper declined “Website design agreement”");
      expect(message.text).toContain(`Hi ${person.firstName},`);
      expect(message.text).toContain("The start date should be May 1.\nAnd the fee is wrong.");
      expect(message.html).toContain("The start date should be May 1.<br>");
      expect(message.html).toContain(`href="${business.portalUrl}/admin/documents/${declined.documentId}"`);
      expect(message.attachments).toEqual([]);
    }
    const entries = await logEntriesFor(automation, business);
    expect(entries.map((entry) => entry.template)).toEqual(["DOCUMENT_DECLINED", "DOCUMENT_DECLINED"]);
    expect(await finished(declined.reference, 2)).toHaveLength(2);
  });

  it("suppresses document emails to a contact with Do Not Disturb on, logs it, reports it, and fetches no PDF when nobody gets the email", async () => {
    const business = await knownBusiness();
    const quiet = newRecipient({ dnd: true });
    const request = signatureRequested(business, { recipient: quiet });
    await publishAt(automation, documentEvents.signatureRequested, business, request);
    const [event] = await finished(request.reference);
    expect(event!.payload).toMatchObject({ template: "SIGNATURE_REQUEST", recipientEmail: quiet.email, status: "SUPPRESSED" });
    expect(event!.payload.reason).toContain("Do Not Disturb");

    const completed = documentCompleted(business, [{ recipient: quiet }]);
    documents.pdfs.set(completed.documentId, Buffer.from("%PDF-1.7"));
    await publishAt(automation, documentEvents.documentCompleted, business, completed);
    await finished(completed.reference);

    const entries = await logEntriesFor(automation, business, quiet.email);
    expect(entries.map((entry) => [entry.template, entry.status]).sort()).toEqual([
      ["DOCUMENT_COMPLETED", "SUPPRESSED"],
      ["SIGNATURE_REQUEST", "SUPPRESSED"],
    ]);
    expect(await mailbox(business, quiet.email)).toEqual([]);
    expect(documents.requests.filter((r) => r.path.includes(completed.documentId))).toEqual([]);
  });

  it("retries an event that arrives before the business is known, then sends it once", async () => {
    const business = newBusiness();
    const request = signatureRequested(business);
    await publishAt(automation, documentEvents.signatureRequested, business, request);
    await settle();
    expect(await logEntriesFor(automation, business)).toEqual([]);
    await publishBusiness(automation, business);
    const message = await eventually(async () => (await mailbox(business, request.recipient.email))[0], 25_000, "the retried email");
    expect(message.html).toContain(business.primaryColor);
    expect(await finished(request.reference)).toHaveLength(1);
  });

  const call = async (business: TestBusiness, query: string, variables: Record<string, unknown>) => {
    const response = await gql(automation, staffOf(business), query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };

  it("offers staff the document templates with their own placeholders, and rejects ones they have no value for", async () => {
    const business = newBusiness();
    const placeholdersOf = async (key: string) => (await call(business, TEMPLATE, { key })).notificationTemplate.placeholders as string[];
    const common = ["{{contact.name}}", "{{contact.firstName}}", "{{business.name}}", "{{link}}"];
    expect(await placeholdersOf("SIGNATURE_REQUEST")).toEqual([...common, "{{document.title}}", "{{document.message}}", "{{sender.name}}"]);
    expect(await placeholdersOf("SIGNATURE_REMINDER")).toEqual([
      ...common,
      "{{document.title}}",
      "{{document.message}}",
      "{{sender.name}}",
    ]);
    expect(await placeholdersOf("DOCUMENT_COMPLETED")).toEqual([...common, "{{document.title}}"]);
    expect(await placeholdersOf("DOCUMENT_DECLINED")).toEqual([...common, "{{document.title}}", "{{decliner.name}}", "{{decline.reason}}"]);

    const wrong = await call(business, UPDATE, {
      input: { key: "SIGNATURE_REQUEST", subject: "Declined: {{decline.reason}}", body: "{{link}}" },
    });
    expect(wrong.updateNotificationTemplate).toMatchObject({
      __typename: "ValidationError",
      field: "subject",
      message: expect.stringContaining("Unknown placeholder {{decline.reason}}"),
    });
    const noLink = await call(business, UPDATE, {
      input: { key: "DOCUMENT_COMPLETED", subject: "Done", body: "{{document.title}} is signed." },
    });
    expect(noLink.updateNotificationTemplate).toMatchObject({ __typename: "ValidationError", field: "body" });
  });

  it("previews a declined notice with a sample document in the business's branding", async () => {
    const business = await knownBusiness();
    const input = {
      key: "DOCUMENT_DECLINED",
      subject: "{{decliner.name}} said no to {{document.title}}",
      body: "Reason: {{decline.reason}}\n\n{{link}}",
    };
    const preview = await eventually(async () => {
      const found = (await call(business, PREVIEW, { input })).previewNotificationTemplate;
      return found.html.includes(business.primaryColor) && found;
    });
    expect(preview.subject).toBe("Alex Morgan said no to Website design agreement");
    expect(preview.text).toContain("Reason: The start date should be May 1, not April 1.");
    expect(preview.html).toContain("View document");
  });

  it("sends a signature request in the business's saved wording", async () => {
    const business = await knownBusiness();
    const saved = await call(business, UPDATE, {
      input: {
        key: "SIGNATURE_REQUEST",
        subject: "Please sign: {{document.title}}",
        body: "{{contact.firstName}}, {{sender.name}} is waiting.\n\n{{link}}",
      },
    });
    expect(saved.updateNotificationTemplate).toMatchObject({ __typename: "NotificationTemplateSuccess", template: { isCustom: true } });
    const request = signatureRequested(business, { title: "NDA" });
    await publishAt(automation, documentEvents.signatureRequested, business, request);
    const message = await firstMessage(business, request.recipient.email);
    expect(message.subject).toBe("Please sign: NDA");
    expect(message.text).toContain("Ada, Olivia Owner is waiting.");
    expect(message.html).toContain(`href="${request.link}"`);
  });
});
