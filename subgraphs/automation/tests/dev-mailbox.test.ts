import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { identity } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeCaller, type RunningSubgraphProcess } from "@portal/kit";
import {
  createScratchDatabase,
  eventually,
  gql,
  linkFields,
  linkPayload,
  logEntriesFor,
  newBusiness,
  newRecipient,
  publish,
  staffOf,
  startAutomation,
} from "./helpers.js";

const MAILBOX = `query Mailbox($to: String) {
  devMailbox(first: 20, to: $to) { totalCount edges { node { id to from subject html text createdAt } } }
}`;

describe("dev mailbox (no Postmark token)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  let production: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
    production = await startAutomation(database.url, { production: true });
  });
  afterAll(async () => {
    await automation?.stop();
    await production?.stop();
    await database?.drop();
  });

  const mailboxOf = async (caller: ReturnType<typeof staffOf>, to?: string) => {
    const response = await gql(automation, caller, MAILBOX, { to });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.devMailbox as { totalCount: number; edges: { node: any }[] };
  };

  it("stores the email with a clickable link, and logs it as sent", async () => {
    const business = newBusiness();
    const recipient = newRecipient();
    const link = `${business.portalUrl}/sign-in/confirm?token=abc&next=%2F`;
    await publish(automation, identity.signInRequested, business, { ...linkPayload(business, recipient, link), audience: "client" });

    const mailbox = await eventually(async () => {
      const found = await mailboxOf(staffOf(business), recipient.email);
      return found.totalCount > 0 && found;
    });
    const message = mailbox.edges[0].node;
    expect(message).toMatchObject({
      to: recipient.email,
      from: `"Acme Studio" <portal@example.test>`,
      subject: "Your sign-in link for Acme Studio",
    });
    expect(message.html).toContain(`href="${link.replace("&", "&amp;")}"`);
    expect(message.text).toContain(link);
    expect(message.text).toMatch(/expires in 1[45] minutes/);
    // The message is in the mailbox a moment before the log records the send.
    await expect
      .poll(async () => (await logEntriesFor(automation, business, recipient.email))[0])
      .toMatchObject({ status: "SENT", attempts: 1, template: "SIGN_IN" });
  });

  it("shows each business only its own mail; the platform host sees all", async () => {
    const first = newBusiness();
    const second = newBusiness();
    const toFirst = newRecipient();
    const toSecond = newRecipient();
    await publish(automation, identity.contactInvited, first, linkPayload(first, toFirst, `${first.portalUrl}/i/1`));
    await publish(automation, identity.contactInvited, second, linkPayload(second, toSecond, `${second.portalUrl}/i/2`));
    await eventually(async () => (await mailboxOf(staffOf(second), toSecond.email)).totalCount === 1);
    await eventually(async () => (await mailboxOf(staffOf(first), toFirst.email)).totalCount === 1);

    const firstMailbox = await mailboxOf(staffOf(first));
    expect(firstMailbox.edges.map((edge) => edge.node.to)).toEqual([toFirst.email]);
    expect((await mailboxOf(staffOf(first), toSecond.email)).totalCount).toBe(0);

    // Anyone on the business's host can read it in development: that is how sign-in links arrive.
    const anonymousOnHost = makeCaller({ businessId: second.id, actor: { kind: "anonymous", id: null } });
    expect((await mailboxOf(anonymousOnHost)).edges.map((edge) => edge.node.to)).toEqual([toSecond.email]);

    const platform = makeCaller({ businessId: null, actor: { kind: "operator", id: "op-1" } });
    const all = (await mailboxOf(platform)).edges.map((edge) => edge.node.to);
    expect(all).toEqual(expect.arrayContaining([toFirst.email, toSecond.email]));

    expect((await logEntriesFor(automation, first)).map((entry) => entry.recipient)).toEqual([toFirst.email]);
    expect((await logEntriesFor(automation, second)).map((entry) => entry.recipient)).toEqual([toSecond.email]);
  });

  it("delivers a platform operator's sign-in link, which belongs to no business", async () => {
    const operator = newRecipient({ name: "Olive Operator", firstName: "Olive" });
    await publish(automation, identity.signInRequested, null, {
      ...linkFields(operator, "http://localhost:4000/operator/confirm?token=op"),
      business: null,
      audience: "operator",
      operatorId: randomUUID(),
    });
    const platform = makeCaller({ businessId: null, actor: { kind: "anonymous", id: null } });
    const message = await eventually(async () => (await mailboxOf(platform, operator.email)).edges[0]?.node);
    expect(message).toMatchObject({ from: `"Client Portal" <portal@example.test>`, subject: "Your sign-in link for Client Portal" });
    expect(message.html).toContain(`href="http://localhost:4000/operator/confirm?token=op"`);
  });

  it("is refused in production mode", async () => {
    const business = newBusiness();
    const response = await gql(production, staffOf(business), MAILBOX);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining("not available in production"),
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("pages through the mailbox with cursors", async () => {
    const business = newBusiness();
    for (let i = 0; i < 3; i++)
      await publish(automation, identity.contactInvited, business, linkPayload(business, newRecipient(), `${business.portalUrl}/i/${i}`));
    await eventually(async () => (await mailboxOf(staffOf(business))).totalCount === 3);
    const page = `query Page($after: String) { devMailbox(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const one = (await gql(automation, staffOf(business), page)).data.devMailbox;
    expect(one.edges).toHaveLength(2);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await gql(automation, staffOf(business), page, { after: one.pageInfo.endCursor })).data.devMailbox;
    expect(two.edges).toHaveLength(1);
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...one.edges, ...two.edges].map((edge: { node: { id: string } }) => edge.node.id)).size).toBe(3);
  });
});
