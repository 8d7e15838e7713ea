import "reflect-metadata";
import { affiliates } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { commissionApproved, newAffiliate, payoutSent, publishKnownBusiness, referralCreated } from "./affiliate-helpers.js";
import { createScratchDatabase, eventually, gql, newBusiness, publish, staffOf, startAutomation, type TestBusiness } from "./helpers.js";

const TEMPLATES = `query All { notificationTemplates { key subject body placeholders isCustom } }`;
const TEMPLATE = `query One($key: NotificationTemplateKey!) { notificationTemplate(key: $key) { key subject body placeholders isCustom } }`;
const UPDATE = `mutation Update($input: NotificationTemplateInput!) {
  updateNotificationTemplate(input: $input) {
    __typename
    ... on NotificationTemplateSuccess { template { key subject isCustom } }
    ... on ValidationError { field message }
  }
}`;
const RESET = `mutation Reset($key: NotificationTemplateKey!) { resetNotificationTemplate(key: $key) { __typename } }`;
const PREVIEW = `query Preview($input: NotificationTemplateInput!) { previewNotificationTemplate(input: $input) { subject html text } }`;
const MAILBOX = `query Mailbox($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject text } } } }`;

const AFFILIATE_KEYS = ["AFFILIATE_NEW_REFERRAL", "AFFILIATE_COMMISSION_APPROVED", "AFFILIATE_PAYOUT_SENT"];

describe("affiliate email templates", () => {
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

  const call = async (business: TestBusiness, query: string, variables: Record<string, unknown> = {}) => {
    const response = await gql(automation, staffOf(business), query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const placeholdersOf = async (business: TestBusiness, key: string) =>
    (await call(business, TEMPLATE, { key })).notificationTemplate.placeholders as string[];

  it("lists the three affiliate emails among the templates staff edit, each with its own placeholders", async () => {
    const business = newBusiness();
    const all = (await call(business, TEMPLATES)).notificationTemplates as { key: string; body: string; isCustom: boolean }[];
    for (const key of AFFILIATE_KEYS) {
      const template = all.find((found) => found.key === key)!;
      expect(template).toMatchObject({ isCustom: false });
      expect(template.body).toContain("{{link}}");
    }
    expect(await placeholdersOf(business, "AFFILIATE_NEW_REFERRAL")).toEqual(
      expect.arrayContaining(["{{contact.firstName}}", "{{business.name}}", "{{referral.label}}", "{{referral.link}}", "{{referral.via}}"]),
    );
    expect(await placeholdersOf(business, "AFFILIATE_COMMISSION_APPROVED")).toEqual(
      expect.arrayContaining(["{{commission.amount}}", "{{commission.approvedBalance}}"]),
    );
    expect(await placeholdersOf(business, "AFFILIATE_PAYOUT_SENT")).toEqual(
      expect.arrayContaining(["{{payout.amount}}", "{{payout.reference}}", "{{payout.commissionCount}}", "{{payout.date}}"]),
    );
    expect(await placeholdersOf(business, "AFFILIATE_NEW_REFERRAL")).not.toContain("{{payout.amount}}");

    const wrong = await call(business, UPDATE, {
      input: { key: "AFFILIATE_NEW_REFERRAL", subject: "Paid {{payout.amount}}", body: "{{link}}" },
    });
    expect(wrong.updateNotificationTemplate).toMatchObject({
      __typename: "ValidationError",
      field: "subject",
      message: expect.stringContaining("Unknown placeholder {{payout.amount}}"),
    });
    const elsewhere = await call(business, UPDATE, { input: { key: "RECEIPT", subject: "{{commission.amount}}", body: "{{link}}" } });
    expect(elsewhere.updateNotificationTemplate).toMatchObject({ __typename: "ValidationError", field: "subject" });
  });

  it("previews each affiliate email with sample values in the business's branding", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const preview = async (key: string, subject: string, body: string) =>
      (await call(business, PREVIEW, { input: { key, subject, body } })).previewNotificationTemplate;

    const referral = await preview("AFFILIATE_NEW_REFERRAL", "New: {{referral.label}}", "Via {{referral.via}}\n\n{{link}}");
    expect(referral.subject).toBe("New: Sam (s•••@example.com)");
    expect(referral.text).toContain(`Via your link ${business.portalUrl}/r/spring-launch`);
    expect(referral.html).toContain(`href="${business.portalUrl}/r/spring-launch"`);
    expect(referral.html).toContain(business.primaryColor);
    expect(referral.html).toContain("View your referrals");
    for (const key of AFFILIATE_KEYS) {
      const template = (await call(business, TEMPLATE, { key })).notificationTemplate;
      const rendered = await preview(key, template.subject, template.body);
      expect(rendered.text).not.toContain("{{");
      expect(rendered.text).toContain("Hi Alex,");
      expect(rendered.html).toContain(business.primaryColor);
    }
    const payout = (await call(business, TEMPLATE, { key: "AFFILIATE_PAYOUT_SENT" })).notificationTemplate;
    const rendered = await preview("AFFILIATE_PAYOUT_SENT", payout.subject, payout.body);
    expect(rendered.subject).toBe("Acme Studio sent you a payout of $140.00");
    expect(rendered.text).toContain("Reference: TRF-2026-0412\nCommissions settled: 6\nDate: December 6, 2026");
  });

  it("sends affiliate emails in the business's saved wording, and in the default again once reset", async () => {
    const business = newBusiness();
    await publishKnownBusiness(automation, business);
    const saved = await call(business, UPDATE, {
      input: {
        key: "AFFILIATE_COMMISSION_APPROVED",
        subject: "{{contact.firstName}}, you earned {{commission.amount}}",
        body: "Waiting for payout: {{commission.approvedBalance}}.\n\n{{link}}",
      },
    });
    expect(saved.updateNotificationTemplate).toMatchObject({ __typename: "NotificationTemplateSuccess", template: { isCustom: true } });
    await call(business, UPDATE, {
      input: { key: "AFFILIATE_NEW_REFERRAL", subject: "{{referral.label}} joined", body: "Link used: {{referral.link}}\n\n{{link}}" },
    });
    const affiliate = newAffiliate(business);
    await publish(automation, affiliates.commissionApproved, business, commissionApproved(affiliate));
    await publish(automation, affiliates.referralCreated, business, referralCreated(affiliate, { linkCode: "x7Gk2pQa" }));

    const mailTo = (count: number) =>
      eventually(
        async () => {
          const edges = (await call(business, MAILBOX, { to: affiliate.affiliate.email })).devMailbox.edges;
          return edges.length >= count && edges.map((edge: { node: { subject: string; text: string } }) => edge.node);
        },
        20_000,
        `${count} email(s) to the affiliate`,
      );
    const mails = await mailTo(2);
    const commission = mails.find((mail: { subject: string }) => mail.subject === "Ada, you earned $25.00")!;
    expect(commission.text).toContain("Waiting for payout: $140.00.");
    const referral = mails.find((mail: { subject: string }) => mail.subject === "Sam (s•••@example.com) joined")!;
    expect(referral.text).toContain(`Link used: ${business.portalUrl}/r/x7Gk2pQa`);

    await call(business, RESET, { key: "AFFILIATE_COMMISSION_APPROVED" });
    await publish(automation, affiliates.commissionApproved, business, commissionApproved(affiliate, { amount: 990 }));
    const again = await mailTo(3);
    expect(again.map((mail: { subject: string }) => mail.subject)).toContain("Commission approved: $9.90");
    await publish(automation, affiliates.payoutSent, business, payoutSent(affiliate));
    expect((await mailTo(4)).map((mail: { subject: string }) => mail.subject)).toContain("Acme Studio sent you a payout of €140.00");
  });
});
