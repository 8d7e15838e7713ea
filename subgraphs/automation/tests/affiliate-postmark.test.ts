import "reflect-metadata";
import { affiliates } from "@portal/contracts";
import { forkFor, listDeadLetters, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { commissionApproved, newAffiliate, payoutSent, publishKnownBusiness, referralCreated } from "./affiliate-helpers.js";
import {
  createScratchDatabase,
  eventually,
  type FakePostmark,
  logEntriesFor,
  newBusiness,
  publish,
  startAutomation,
  startFakePostmark,
  type TestBusiness,
} from "./helpers.js";

/** Events that cannot be handled give up quickly here (one retry, no delay). */
const QUICK_RETRY = { limit: 1, delaySeconds: 0, backoff: false };

describe("affiliate emails through Postmark (real SDK, local Postmark API)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let postmark: FakePostmark;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    postmark = await startFakePostmark();
    automation = await startAutomation(
      database.url,
      { mail: { postmarkServerToken: postmark.token, postmarkApiUrl: postmark.url, fromAddress: "Client Portal <portal@example.test>" } },
      { eventRetry: QUICK_RETRY },
    );
  });
  afterAll(async () => {
    await automation?.stop();
    await postmark?.close();
    await database?.drop();
  });

  const requestsTo = (email: string) => postmark.requests.filter((request) => request.body.To === email);
  const settledLog = (business: TestBusiness, email: string) =>
    eventually(
      async () => {
        const rows = await logEntriesFor(automation, business, email);
        return rows.length > 0 && rows.every((row) => row.status !== "QUEUED") && rows;
      },
      25_000,
      `settled email to ${email}`,
    );

  it("hands Postmark the affiliate's email, from the business, tagged with its template", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    await publish(automation, affiliates.referralCreated, business, referralCreated(affiliate));

    const [entry] = await settledLog(business, affiliate.affiliate.email);
    expect(entry).toMatchObject({ status: "SENT", template: "AFFILIATE_NEW_REFERRAL" });
    const [request] = requestsTo(affiliate.affiliate.email);
    expect(request!.body).toMatchObject({
      To: affiliate.affiliate.email,
      From: expect.stringContaining("Acme Studio"),
      Subject: "You have a new referral at Acme Studio",
      Tag: "AFFILIATE_NEW_REFERRAL",
    });
    expect(request!.body.HtmlBody).toContain(`href="${affiliate.link}"`);
    expect(request!.body.TextBody).toContain("Who: Sam (s•••@example.com)");
  });

  it("retries a send Postmark could not take, then sends it once", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    postmark.script(affiliate.affiliate.email, [{ status: 503, ErrorCode: 0, Message: "Service unavailable" }]);
    await publish(automation, affiliates.payoutSent, business, payoutSent(affiliate));

    const [entry] = await settledLog(business, affiliate.affiliate.email);
    expect(entry).toMatchObject({ status: "SENT", template: "AFFILIATE_PAYOUT_SENT", attempts: 2, reason: null });
    expect(requestsTo(affiliate.affiliate.email)).toHaveLength(2);
  });

  it("logs a send Postmark refuses for good as FAILED with its reason", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    postmark.script(affiliate.affiliate.email, [
      { status: 422, ErrorCode: 406, Message: "You tried to send to a recipient that has been marked as inactive." },
    ]);
    await publish(automation, affiliates.commissionApproved, business, commissionApproved(affiliate));

    const [entry] = await settledLog(business, affiliate.affiliate.email);
    expect(entry).toMatchObject({ status: "FAILED", template: "AFFILIATE_COMMISSION_APPROVED", attempts: 1 });
    expect(entry.reason).toContain("marked as inactive");
  });

  it("logs the affiliate's email FAILED and keeps a dead letter when the event can never be handled (the business never became known)", async () => {
    const business = newBusiness(); // never published: the email cannot be branded
    const affiliate = newAffiliate(business);
    const event = await publish(automation, affiliates.commissionApproved, business, commissionApproved(affiliate));

    const [entry] = await eventually(
      async () => {
        const rows = await logEntriesFor(automation, business);
        return rows.length > 0 && rows;
      },
      20_000,
      "the FAILED entry",
    );
    expect(entry).toMatchObject({
      recipient: affiliate.affiliate.email,
      template: "AFFILIATE_COMMISSION_APPROVED",
      status: "FAILED",
      subject: "Commission approved: $25.00",
    });
    expect(entry.reason).toContain(`Business ${business.id} is not known here yet`);
    const letters = await listDeadLetters(forkFor(automation.orm, null), { consumer: "automation", first: 100 });
    expect(letters.edges.map((edge) => edge.node).find((letter) => letter.eventId === event.eventId)).toMatchObject({
      eventType: "affiliates.commission.approved",
      status: "open",
    });
    expect(requestsTo(affiliate.affiliate.email)).toEqual([]);
  });
});
