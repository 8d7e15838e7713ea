import "reflect-metadata";
import { affiliates } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { commissionApproved, newAffiliate, payoutSent, publishKnownBusiness, referralCreated } from "./affiliate-helpers.js";
import {
  createScratchDatabase,
  eventually,
  gql,
  logEntriesFor,
  newBusiness,
  publish,
  staffOf,
  startAutomation,
  type TestBusiness,
} from "./helpers.js";

const MAILBOX = `query Mailbox($to: String) {
  devMailbox(first: 50, to: $to) { edges { node { to from subject text html } } }
}`;

interface Mail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

describe("affiliate emails (dev mailbox)", () => {
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

  const mailTo = async (business: TestBusiness, to: string): Promise<Mail[]> => {
    const response = await gql(automation, staffOf(business), MAILBOX, { to });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.devMailbox.edges.map((edge: { node: Mail }) => edge.node);
  };
  const waitForMail = (business: TestBusiness, to: string, count: number) =>
    eventually(
      async () => {
        const mails = await mailTo(business, to);
        return mails.length >= count && mails;
      },
      20_000,
      `${count} email(s) to ${to}`,
    );
  const settledLog = (business: TestBusiness, to: string, count: number) =>
    eventually(
      async () => {
        const rows = await logEntriesFor(automation, business, to);
        return rows.length >= count && rows.every((row) => row.status !== "QUEUED") && rows;
      },
      20_000,
      `${count} settled log entries for ${to}`,
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  it("tells the affiliate of a new referral: who, through which link, with a button to their Affiliates page, in the business's branding", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    await publish(automation, affiliates.referralCreated, business, referralCreated(affiliate));

    const [mail] = await waitForMail(business, affiliate.affiliate.email, 1);
    const referralLink = `${business.portalUrl}/r/spring-launch`;
    expect(mail!.subject).toBe("You have a new referral at Acme Studio");
    expect(mail!.from).toContain("Acme Studio");
    expect(mail!.text).toContain("Hi Ada,");
    expect(mail!.text).toContain("Who: Sam (s•••@example.com)");
    expect(mail!.text).toContain(`Through: your link ${referralLink}`);
    expect(mail!.html).toContain(`href="${referralLink}"`);
    expect(mail!.html).toContain(`href="${affiliate.link}"`);
    expect(mail!.html).toContain("View your referrals");
    expect(mail!.html).toContain(business.primaryColor);
    expect(mail!.html).toContain(business.logoUrl!);
    const [entry] = await settledLog(business, affiliate.affiliate.email, 1);
    expect(entry).toMatchObject({ template: "AFFILIATE_NEW_REFERRAL", status: "SENT", subject: mail!.subject });
  });

  it("says the business added the referral when it came through no link, and escapes what the label holds", async () => {
    const business = newBusiness({ displayName: "Northwind Therapy" });
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    await publish(
      automation,
      affiliates.referralCreated,
      business,
      referralCreated(affiliate, { linkCode: null, referredLabel: "Sam <b>Bold</b> (s•••@example.com)" }),
    );

    const [mail] = await waitForMail(business, affiliate.affiliate.email, 1);
    expect(mail!.text).toContain("Through: Northwind Therapy, who added them to your referrals");
    expect(mail!.text).not.toContain("/r/");
    expect(mail!.text).toContain("Who: Sam <b>Bold</b> (s•••@example.com)");
    expect(mail!.html).toContain("Sam &lt;b&gt;Bold&lt;/b&gt;");
    expect(mail!.html).not.toContain("<b>Bold</b>");
  });

  it("announces an approved commission with its amount and the approved balance, each in its currency", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    await publish(automation, affiliates.commissionApproved, business, commissionApproved(affiliate));
    await publish(
      automation,
      affiliates.commissionApproved,
      business,
      commissionApproved(affiliate, { currency: "JPY", amount: 5000, approvedBalance: 12000 }),
    );

    const mails = await waitForMail(business, affiliate.affiliate.email, 2);
    const dollars = mails.find((mail) => mail.subject === "Commission approved: $25.00")!;
    expect(dollars.text).toContain("Commission: $25.00\nApproved balance awaiting payout: $140.00");
    expect(dollars.html).toContain(`href="${affiliate.link}"`);
    expect(dollars.html).toContain("View your commissions");
    const yen = mails.find((mail) => mail.subject === "Commission approved: ¥5,000")!;
    expect(yen.text).toContain("Approved balance awaiting payout: ¥12,000");
    const log = await settledLog(business, affiliate.affiliate.email, 2);
    expect(log.map((row) => [row.template, row.status])).toEqual([
      ["AFFILIATE_COMMISSION_APPROVED", "SENT"],
      ["AFFILIATE_COMMISSION_APPROVED", "SENT"],
    ]);
  });

  it("confirms a payout with its amount, reference, number of commissions and date", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    await publish(automation, affiliates.payoutSent, business, payoutSent(affiliate));

    const [mail] = await waitForMail(business, affiliate.affiliate.email, 1);
    expect(mail!.subject).toBe("Acme Studio sent you a payout of €140.00");
    expect(mail!.text).toContain("Amount: €140.00\nReference: TRF-2026-0412\nCommissions settled: 6\nDate: December 6, 2026");
    expect(mail!.html).toContain(`href="${affiliate.link}"`);
    expect(mail!.html).toContain("View your earnings");
    const [entry] = await settledLog(business, affiliate.affiliate.email, 1);
    expect(entry).toMatchObject({ template: "AFFILIATE_PAYOUT_SENT", status: "SENT" });
  });

  it("sends nothing to an affiliate with Do Not Disturb on: each email is logged SUPPRESSED", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business, { dnd: true });
    await publish(automation, affiliates.referralCreated, business, referralCreated(affiliate));
    await publish(automation, affiliates.commissionApproved, business, commissionApproved(affiliate));
    await publish(automation, affiliates.payoutSent, business, payoutSent(affiliate));

    const log = await settledLog(business, affiliate.affiliate.email, 3);
    expect(log.map((row) => [row.template, row.status]).sort()).toEqual([
      ["AFFILIATE_COMMISSION_APPROVED", "SUPPRESSED"],
      ["AFFILIATE_NEW_REFERRAL", "SUPPRESSED"],
      ["AFFILIATE_PAYOUT_SENT", "SUPPRESSED"],
    ]);
    expect(log.every((row) => /Do Not Disturb/.test(row.reason))).toBe(true);
    expect(await mailTo(business, affiliate.affiliate.email)).toEqual([]);
  });

  it("sends once for an event delivered twice", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const affiliate = newAffiliate(business);
    const event = await publish(automation, affiliates.payoutSent, business, payoutSent(affiliate));
    await publish(automation, affiliates.payoutSent, business, event.payload, event.eventId);

    await waitForMail(business, affiliate.affiliate.email, 1);
    await settle();
    expect(await mailTo(business, affiliate.affiliate.email)).toHaveLength(1);
    expect(await logEntriesFor(automation, business)).toHaveLength(1);
  });

  it("keeps each business's affiliate emails to itself", async () => {
    const business = newBusiness();
    const other = newBusiness();
    await publishKnownBusiness(automation, business);
    await publishKnownBusiness(automation, other);
    const affiliate = newAffiliate(business);
    await publish(automation, affiliates.referralCreated, business, referralCreated(affiliate));
    await waitForMail(business, affiliate.affiliate.email, 1);
    expect(await mailTo(other, affiliate.affiliate.email)).toEqual([]);
    expect(await logEntriesFor(automation, other)).toEqual([]);
  });
});
