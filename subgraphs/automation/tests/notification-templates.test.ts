import "reflect-metadata";
import { identity } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeCaller, type RunningSubgraphProcess } from "@portal/kit";
import {
  createScratchDatabase,
  eventually,
  gql,
  linkPayload,
  logEntriesFor,
  newBusiness,
  newRecipient,
  publish,
  staffOf,
  startAutomation,
  type TestBusiness,
} from "./helpers.js";

const TEMPLATES = `{ notificationTemplates { key subject body placeholders isCustom updatedAt } }`;
const TEMPLATE = `query One($key: NotificationTemplateKey!) { notificationTemplate(key: $key) { key subject body isCustom } }`;
const UPDATE = `mutation Update($input: NotificationTemplateInput!) {
  updateNotificationTemplate(input: $input) {
    __typename
    ... on NotificationTemplateSuccess { template { key subject body isCustom updatedAt } }
    ... on ValidationError { field message }
  }
}`;
const RESET = `mutation Reset($key: NotificationTemplateKey!) {
  resetNotificationTemplate(key: $key) { __typename ... on NotificationTemplateSuccess { template { subject isCustom } } }
}`;
const PREVIEW = `query Preview($input: NotificationTemplateInput!) { previewNotificationTemplate(input: $input) { subject html text } }`;

const VALID_BODY = "Hello {{contact.firstName}},\n\nJoin {{business.name}} here:\n\n{{link}}";

describe("notification templates", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
  });
  afterAll(async () => {
    await automation?.stop();
    await database?.drop();
  });

  const update = async (business: TestBusiness, input: Record<string, unknown>) =>
    (await gql(automation, staffOf(business), UPDATE, { input: { key: "INVITATION", ...input } })).data.updateNotificationTemplate;

  it("lists the built-in templates until the business saves its own", async () => {
    const business = newBusiness();
    const { data } = await gql(automation, staffOf(business), TEMPLATES);
    expect(data.notificationTemplates.map((t: { key: string }) => t.key)).toEqual([
      "INVITATION",
      "SIGN_IN",
      "EMAIL_CHANGE",
      "NEW_INVOICE",
      "RECEIPT",
      "SIGNATURE_REQUEST",
      "SIGNATURE_REMINDER",
      "DOCUMENT_COMPLETED",
      "DOCUMENT_DECLINED",
      "COMMUNITY_REPLY",
      "COMMUNITY_MENTION",
      "COMMUNITY_ACTIVITY",
      "COURSE_ACCESS_GRANTED",
      "NEW_LESSON_AVAILABLE",
      "APPOINTMENT_CONFIRMED",
      "APPOINTMENT_RESCHEDULED",
      "APPOINTMENT_CANCELLED",
      "APPOINTMENT_REMINDER",
      "AFFILIATE_NEW_REFERRAL",
      "AFFILIATE_COMMISSION_APPROVED",
      "AFFILIATE_PAYOUT_SENT",
      "ORDER_RECEIPT",
      "WEBHOOK_ENDPOINT_DISABLED",
    ]);
    const invitation = data.notificationTemplates[0];
    expect(invitation).toMatchObject({ subject: "You're invited to {{business.name}}'s client portal", isCustom: false, updatedAt: null });
    expect(invitation.body).toContain("{{link}}");
    expect(invitation.placeholders).toEqual([
      "{{contact.name}}",
      "{{contact.firstName}}",
      "{{business.name}}",
      "{{link}}",
      "{{expiresInMinutes}}",
    ]);
  });

  it("rejects invalid wording with an error naming the field", async () => {
    const business = newBusiness();
    expect(await update(business, { subject: "  ", body: VALID_BODY })).toMatchObject({
      __typename: "ValidationError",
      field: "subject",
      message: "Subject is required.",
    });
    expect(await update(business, { subject: "Hi {{contact.email}}", body: VALID_BODY })).toMatchObject({
      field: "subject",
      message: expect.stringContaining("Unknown placeholder {{contact.email}}"),
    });
    expect(await update(business, { subject: "Your link {{link}}", body: VALID_BODY })).toMatchObject({
      field: "subject",
      message: expect.stringContaining("only appear in the body"),
    });
    expect(await update(business, { subject: "Welcome", body: "Hi {{contact.name}\n\n{{link}}" })).toMatchObject({
      field: "body",
      message: expect.stringContaining("malformed"),
    });
    expect(await update(business, { subject: "Welcome", body: "Hi {{#contact}}x{{/contact}} {{link}}" })).toMatchObject({
      field: "body",
      message: expect.stringContaining("Only simple placeholders"),
    });
    expect(await update(business, { subject: "Welcome", body: "Hi {{{link}}}" })).toMatchObject({
      field: "body",
      message: expect.stringContaining("two braces"),
    });
    expect(await update(business, { subject: "Welcome", body: "Hi {{contact.name}}, welcome aboard." })).toMatchObject({
      field: "body",
      message: expect.stringContaining("must contain {{link}}"),
    });
    expect((await gql(automation, staffOf(business), TEMPLATE, { key: "INVITATION" })).data.notificationTemplate.isCustom).toBe(false);
  });

  it("uses the saved invitation for the next invitation, until it is reset", async () => {
    const business = newBusiness();
    const saved = await update(business, { subject: "  {{contact.firstName}}, come see {{business.name}}  ", body: VALID_BODY });
    expect(saved).toMatchObject({
      __typename: "NotificationTemplateSuccess",
      template: { key: "INVITATION", subject: "{{contact.firstName}}, come see {{business.name}}", isCustom: true },
    });
    expect(saved.template.updatedAt).toBeTruthy();

    const recipient = newRecipient({ firstName: "Grace", name: "Grace Hopper" });
    await publish(automation, identity.contactInvited, business, linkPayload(business, recipient, `${business.portalUrl}/i/custom`));
    const entry = await eventually(async () =>
      (await logEntriesFor(automation, business, recipient.email)).find((e) => e.status === "SENT"),
    );
    expect(entry.subject).toBe("Grace, come see Acme Studio");

    const reset = (await gql(automation, staffOf(business), RESET, { key: "INVITATION" })).data.resetNotificationTemplate;
    expect(reset).toMatchObject({
      __typename: "NotificationTemplateSuccess",
      template: { subject: "You're invited to {{business.name}}'s client portal", isCustom: false },
    });
  });

  it("previews unsaved wording with a sample contact and the business's branding", async () => {
    const business = newBusiness({
      displayName: "Bright <Side>",
      primaryColor: "#0a7d33",
      accentColor: "#ff00aa",
      logoUrl: "https://cdn.example.test/bright.png",
    });
    await publish(automation, identity.businessUpdated, business, { business });
    const input = { key: "INVITATION", subject: "{{contact.firstName}}, welcome to {{business.name}}", body: VALID_BODY };
    const preview = await eventually(async () => {
      const response = await gql(automation, staffOf(business), PREVIEW, { input });
      return response.data?.previewNotificationTemplate?.html.includes("#0a7d33") && response.data.previewNotificationTemplate;
    });
    expect(preview.subject).toBe("Alex, welcome to Bright <Side>");
    expect(preview.html).toContain(`<img src="https://cdn.example.test/bright.png" alt="Bright &lt;Side&gt;"`);
    expect(preview.html).toContain("Join Bright &lt;Side&gt; here:");
    expect(preview.html).toContain("background:#0a7d33");
    expect(preview.html).toContain("#ff00aa");
    expect(preview.html).toContain(`href="${business.portalUrl}/sign-in/preview"`);
    expect(preview.text).toContain("Hello Alex,");
    expect(preview.text).toContain(`${business.portalUrl}/sign-in/preview`);

    const invalid = await gql(automation, staffOf(business), PREVIEW, { input: { ...input, body: "no link" } });
    expect(invalid.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "body" } });
  });

  it("keeps each business's templates and email log to itself", async () => {
    const first = newBusiness();
    const second = newBusiness();
    await update(first, { subject: "Only for the first business", body: VALID_BODY });
    const secondTemplate = (await gql(automation, staffOf(second), TEMPLATE, { key: "INVITATION" })).data.notificationTemplate;
    expect(secondTemplate).toMatchObject({ isCustom: false, subject: "You're invited to {{business.name}}'s client portal" });

    const recipient = newRecipient();
    await publish(automation, identity.contactInvited, second, linkPayload(second, recipient, `${second.portalUrl}/i/x`));
    const entry = await eventually(async () => (await logEntriesFor(automation, second, recipient.email)).find((e) => e.status === "SENT"));
    expect(entry.subject).toBe("You're invited to Acme Studio's client portal");
    expect(await logEntriesFor(automation, first, recipient.email)).toEqual([]);
  });

  it("filters the email log by status and recipient", async () => {
    const business = newBusiness();
    const quiet = newRecipient({ dnd: true });
    const open = newRecipient();
    await publish(automation, identity.contactInvited, business, linkPayload(business, quiet, `${business.portalUrl}/i/q`));
    await publish(automation, identity.contactInvited, business, linkPayload(business, open, `${business.portalUrl}/i/o`));
    await eventually(async () => (await logEntriesFor(automation, business)).filter((e) => e.status !== "QUEUED").length === 2);

    const query = `query($status: EmailStatus, $search: String) { emailLog(status: $status, search: $search) { totalCount edges { node { recipient status } } } }`;
    const suppressed = (await gql(automation, staffOf(business), query, { status: "SUPPRESSED" })).data.emailLog;
    expect(suppressed).toEqual({ totalCount: 1, edges: [{ node: { recipient: quiet.email, status: "SUPPRESSED" } }] });
    const searched = (await gql(automation, staffOf(business), query, { search: open.email.slice(0, 12).toUpperCase() })).data.emailLog;
    expect(searched.edges.map((edge: { node: { recipient: string } }) => edge.node.recipient)).toEqual([open.email]);
  });

  it("is for staff only", async () => {
    const business = newBusiness();
    const anonymous = makeCaller({ businessId: business.id, actor: { kind: "anonymous", id: null } });
    const contact = makeCaller({ businessId: business.id, actor: { kind: "contact", id: "c-1" } });
    const readOnlyKey = makeCaller({ businessId: business.id, actor: { kind: "apiKey", id: "k-1", scopes: ["read"] } });
    expect((await gql(automation, anonymous, TEMPLATES)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await gql(automation, contact, `{ emailLog { totalCount } }`)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await gql(automation, readOnlyKey, TEMPLATES)).errors).toBeUndefined();
    const write = await gql(automation, readOnlyKey, UPDATE, { input: { key: "INVITATION", subject: "x", body: VALID_BODY } });
    expect(write.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
