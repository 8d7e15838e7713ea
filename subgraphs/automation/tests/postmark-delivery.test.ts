import "reflect-metadata";
import { identity } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RunningSubgraphProcess } from "@portal/kit";
import {
  createScratchDatabase,
  eventually,
  linkPayload,
  logEntriesFor,
  newBusiness,
  newRecipient,
  publish,
  startAutomation,
  startFakePostmark,
  type FakePostmark,
} from "./helpers.js";

describe("delivery through Postmark (real SDK, local Postmark API)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let postmark: FakePostmark;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    postmark = await startFakePostmark();
    automation = await startAutomation(database.url, {
      mail: { postmarkServerToken: postmark.token, postmarkApiUrl: postmark.url, fromAddress: "Client Portal <portal@example.test>" },
    });
  });
  afterAll(async () => {
    await automation?.stop();
    await postmark?.close();
    await database?.drop();
  });

  const requestsTo = (email: string) => postmark.requests.filter((request) => request.body.To === email);
  const settled = (business: ReturnType<typeof newBusiness>, email: string) =>
    eventually(
      async () => (await logEntriesFor(automation, business, email)).find((entry) => entry.status !== "QUEUED"),
      25_000,
      `email to ${email}`,
    );

  it("sends a branded invitation with the link and logs it as sent", async () => {
    const business = newBusiness();
    const recipient = newRecipient();
    const link = `${business.portalUrl}/sign-in/confirm?token=tok-${business.slug}`;
    await publish(automation, identity.contactInvited, business, linkPayload(business, recipient, link, 60 * 24 * 7));

    const entry = await settled(business, recipient.email);
    expect(entry).toMatchObject({
      status: "SENT",
      template: "INVITATION",
      attempts: 1,
      reason: null,
      subject: "You're invited to Acme Studio's client portal",
    });
    expect(entry.sentAt).toBeTruthy();

    const [request] = requestsTo(recipient.email);
    expect(request.headers["x-postmark-server-token"]).toBe(postmark.token);
    expect(request.body).toMatchObject({
      From: `"Acme Studio" <portal@example.test>`,
      To: recipient.email,
      Subject: "You're invited to Acme Studio's client portal",
      MessageStream: "outbound",
    });
    expect(request.body.HtmlBody).toContain(`href="${link}"`);
    expect(request.body.HtmlBody).toContain(business.primaryColor);
    expect(request.body.HtmlBody).toContain(business.logoUrl);
    expect(request.body.TextBody).toContain(link);
    expect(request.body.TextBody).toContain("Hi Ada,");
  });

  it("retries a temporary Postmark failure and then sends", async () => {
    const business = newBusiness();
    const recipient = newRecipient();
    postmark.script(recipient.email, [{ status: 500, ErrorCode: 0, Message: "Internal server error" }]);
    await publish(automation, identity.signInRequested, business, {
      ...linkPayload(business, recipient, `${business.portalUrl}/s/1`),
      audience: "client",
    });

    const entry = await settled(business, recipient.email);
    expect(entry).toMatchObject({ status: "SENT", template: "SIGN_IN", attempts: 2, reason: null });
    expect(requestsTo(recipient.email)).toHaveLength(2);
  });

  it("marks a permanent rejection as failed with Postmark's reason, without retrying", async () => {
    const business = newBusiness();
    const recipient = newRecipient();
    const message = `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${recipient.email}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.`;
    postmark.script(recipient.email, [{ status: 422, ErrorCode: 406, Message: message }]);
    await publish(automation, identity.contactInvited, business, linkPayload(business, recipient, `${business.portalUrl}/i/1`));

    const entry = await settled(business, recipient.email);
    expect(entry).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(entry.reason).toContain("406");
    expect(entry.reason).toContain("marked as inactive");
    await new Promise((resolve) => setTimeout(resolve, 2500)); // a retry would have come by now
    expect(requestsTo(recipient.email)).toHaveLength(1);
  });

  it("gives up after the retry limit and logs the last reason", async () => {
    const business = newBusiness();
    const recipient = newRecipient();
    const outage = { status: 503, ErrorCode: 0, Message: "Service unavailable" };
    postmark.script(recipient.email, [outage, outage, outage, outage]);
    await publish(automation, identity.contactInvited, business, linkPayload(business, recipient, `${business.portalUrl}/i/2`));

    const entry = await settled(business, recipient.email);
    expect(entry).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(entry.reason).toMatch(/Gave up after 3 attempts.*Service unavailable/);
  });

  it("suppresses an invitation to a contact with DND on, but still sends the sign-in link they ask for", async () => {
    const business = newBusiness();
    const recipient = newRecipient({ dnd: true });
    await publish(automation, identity.contactInvited, business, linkPayload(business, recipient, `${business.portalUrl}/i/3`));
    const suppressed = await settled(business, recipient.email);
    expect(suppressed).toMatchObject({ status: "SUPPRESSED", template: "INVITATION", attempts: 0 });
    expect(suppressed.reason).toMatch(/Do Not Disturb/);

    await publish(automation, identity.signInRequested, business, {
      ...linkPayload(business, recipient, `${business.portalUrl}/s/3`),
      audience: "client",
    });
    await eventually(async () =>
      (await logEntriesFor(automation, business, recipient.email)).find((entry) => entry.template === "SIGN_IN" && entry.status === "SENT"),
    );
    expect(requestsTo(recipient.email).map((request) => request.body.Subject)).toEqual(["Your sign-in link for Acme Studio"]);
  });

  it("sends one email for an event delivered twice", async () => {
    const business = newBusiness();
    const recipient = newRecipient();
    const event = await publish(
      automation,
      identity.contactInvited,
      business,
      linkPayload(business, recipient, `${business.portalUrl}/i/4`),
    );
    await publish(automation, identity.contactInvited, business, event.payload, event.eventId);

    await settled(business, recipient.email);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // give the redelivery time to be handled
    expect(await logEntriesFor(automation, business, recipient.email)).toHaveLength(1);
    expect(requestsTo(recipient.email)).toHaveLength(1);
  });

  // Email failures at /metrics: counted by kind, as differences (other tests here fail sends too).
  const failures = async (kind: string) => {
    const text = await (await fetch(`${new URL(automation.url).origin}/metrics`)).text();
    return Number(new RegExp(`^portal_email_failures_total\\{kind="${kind}"\\} (\\S+)$`, "m").exec(text)?.[1] ?? 0);
  };

  it("counts a temporary failure that is retried and a final one that is logged as failed", async () => {
    const [temporaryBefore, finalBefore] = [await failures("temporary"), await failures("final")];
    const business = newBusiness();
    const retried = newRecipient();
    const rejected = newRecipient();
    postmark.script(retried.email, [{ status: 503, ErrorCode: 0, Message: "Service unavailable" }]);
    postmark.script(rejected.email, [{ status: 422, ErrorCode: 406, Message: "Inactive recipient" }]);
    await publish(automation, identity.contactInvited, business, linkPayload(business, retried, `${business.portalUrl}/i/1`));
    await publish(automation, identity.contactInvited, business, linkPayload(business, rejected, `${business.portalUrl}/i/2`));
    for (const recipient of [retried, rejected])
      await eventually(
        async () => (await logEntriesFor(automation, business, recipient.email)).find((entry) => entry.status !== "QUEUED"),
        25_000,
        `email to ${recipient.email}`,
      );

    expect((await failures("temporary")) - temporaryBefore).toBe(1);
    expect((await failures("final")) - finalBefore).toBe(1);
  });
});
