import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { throttledDeliveryKey } from "../src/auth/sign-in-rate-limit.js";
import {
  anonymousIn,
  authenticate,
  CONFIRM,
  createContact,
  createTenant,
  eventsEventually,
  gql,
  invite,
  latestToken,
  outboxEvents,
  randomIp,
  REQUEST,
  signInJobs,
  signInJobsDone,
  startIdentity,
  tokenFrom,
  unique,
} from "./helpers.js";

describe("magic-link sign-in", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity({ signInLimits: { perEmail: 3, perIp: 6, perEmailTotal: 4, windowSeconds: 900 } });
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("emails an invited contact a 256-bit single-use link, stores only its hash, and expires it after 15 minutes", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);

    const before = Date.now();
    const { data } = await gql(identity, anonymousIn(tenant.businessId), REQUEST, { email: contact.email.toUpperCase() });
    expect(data.requestSignIn.__typename).toBe("RequestSignInSuccess");

    const [event] = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id });
    expect(event!.business_id).toBe(tenant.businessId);
    expect(event!.payload).toMatchObject({
      audience: "client",
      recipient: { email: contact.email, dnd: false },
      business: { id: tenant.businessId, slug: tenant.slug },
    });
    expect(JSON.stringify(event!.payload)).not.toContain("token=");
    const token = tokenFrom(event!);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(new Date(event!.payload.expiresAt).getTime() - before).toBeGreaterThan(14 * 60_000);
    expect(new Date(event!.payload.expiresAt).getTime() - before).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    const em = forkFor(identity.orm, null);
    const stored = await sql<{ token_hash: string; expires_at: Date }>(
      em,
      `select token_hash, expires_at from identity.sign_in_token where contact_id = ? and purpose = 'sign_in'`,
      [contact.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);
    const dump = await sql<{ row: string }>(em, `select t::text as row from identity.sign_in_token t`);
    expect(dump.some(({ row }) => row.includes(token))).toBe(false);
    const outboxDump = await sql<{ row: string }>(em, `select e::text as row from identity.outbox_event e`);
    expect(outboxDump.some(({ row }) => row.includes(token))).toBe(false);

    const first = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(first.data.confirmSignIn.__typename).toBe("SignInSuccess");
    const second = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(second.data.confirmSignIn).toMatchObject({ __typename: "InvalidSignInLinkError" });
  });

  it("refuses an expired link", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    await sql(
      forkFor(identity.orm, null),
      `update identity.sign_in_token set expires_at = now() - interval '1 second' where contact_id = ?`,
      [contact.id],
    );
    const { data } = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(data.confirmSignIn.__typename).toBe("InvalidSignInLinkError");
  });

  it("answers unknown, uninvited and other-business emails exactly like known ones, and sends nothing", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity);
    const known = await createContact(identity, tenant);
    await invite(identity, tenant, known.id);
    const uninvited = await createContact(identity, tenant);
    const elsewhere = await createContact(identity, other);
    await invite(identity, other, elsewhere.id);

    const answers = [];
    const emails = [known.email, `${unique("nobody")}@client.test`, uninvited.email, elsewhere.email];
    for (const email of emails) {
      const { data } = await gql(identity, anonymousIn(tenant.businessId), REQUEST, { email });
      answers.push(data.requestSignIn);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    for (const email of emails) await signInJobsDone(identity, email, 1);
    expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: known.id })).toHaveLength(1);
    expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: uninvited.id })).toHaveLength(0);
    expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: elsewhere.id })).toHaveLength(0);
  });

  it("validates the email, naming the field", async () => {
    const tenant = await createTenant(identity);
    const { data } = await gql(identity, anonymousIn(tenant.businessId), REQUEST, { email: "not-an-email" });
    expect(data.requestSignIn).toMatchObject({ __typename: "ValidationError", field: "email" });
  });

  it("queues the same job for known and unknown emails and issues the link only in that job", async () => {
    const tenant = await createTenant(identity);
    const known = await createContact(identity, tenant);
    await invite(identity, tenant, known.id);
    const unknown = `${unique("nobody")}@client.test`;

    // Hold back every job handler (they first mark the job in processed_event), so whatever exists
    // once the requests have answered was written by the requests themselves.
    const jobsHeld = await lockTable("identity.processed_event");
    try {
      for (const email of [`  ${known.email.toUpperCase()} `, unknown]) {
        const { data } = await gql(identity, anonymousIn(tenant.businessId), REQUEST, { email });
        expect(data.requestSignIn.__typename).toBe("RequestSignInSuccess");
      }
      for (const email of [known.email, unknown]) {
        const jobs = await signInJobs(identity, email);
        expect(jobs).toHaveLength(1);
        expect(jobs[0]!.data).toEqual({ businessId: tenant.businessId, audience: "client", email: email.toLowerCase() });
      }
      expect(await signInTokens(known.id)).toBe(0);
      expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: known.id })).toHaveLength(0);
    } finally {
      await jobsHeld.release();
    }

    const [event] = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: known.id });
    expect(event!.payload).toMatchObject({ audience: "client", recipient: { email: known.email } });
    expect(await signInTokens(known.id)).toBe(1);
    await signInJobsDone(identity, unknown, 1);
  });

  it("refuses one address asking too often for one email, but not the email's owner elsewhere", async () => {
    const tenant = await createTenant(identity);
    const victim = await createContact(identity, tenant);
    await invite(identity, tenant, victim.id);
    const attacker = randomIp();
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push((await gql(identity, anonymousIn(tenant.businessId, attacker), REQUEST, { email: victim.email })).data.requestSignIn);
    expect(results.slice(0, 3).every((result) => result.__typename === "RequestSignInSuccess")).toBe(true);
    expect(results[3]).toMatchObject({ __typename: "RateLimitedError", message: expect.stringMatching(/too many/i) });
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(900);

    const own = await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST, { email: victim.email });
    expect(own.data.requestSignIn.__typename).toBe("RequestSignInSuccess");
    const events = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: victim.id }, 4);
    const token = tokenFrom(events[3]!);
    expect((await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token })).data.confirmSignIn.__typename).toBe("SignInSuccess");
  });

  it("past the per-email ceiling, answers every address the same but issues at most one link a minute", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const flood = async (requests: number) => {
      for (let i = 0; i < requests; i++) {
        const { data } = await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST, { email: contact.email });
        expect(data.requestSignIn.__typename).toBe("RequestSignInSuccess");
      }
    };

    await flood(10);
    // The ceiling (4 per window) and then one link for the current minute.
    await signInJobsDone(identity, contact.email, 5);
    expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id })).toHaveLength(5);

    // A minute later (its slot reopened) one more link goes out, and again only one.
    await sql(forkFor(identity.orm, null), `update identity.sign_in_rate_limit set expire = ? where key = ?`, [
      Date.now() - 1,
      throttledDeliveryKey(tenant.businessId, contact.email),
    ]);
    await flood(3);
    await signInJobsDone(identity, contact.email, 6);
    expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id })).toHaveLength(6);
  });

  it("rate limits per IP across different emails", async () => {
    const tenant = await createTenant(identity);
    const ip = randomIp();
    const results = [];
    for (let i = 0; i < 7; i++)
      results.push(
        (await gql(identity, anonymousIn(tenant.businessId, ip), REQUEST, { email: `${unique("ip")}@client.test` })).data.requestSignIn
          .__typename,
      );
    expect(results.slice(0, 6).every((name) => name === "RequestSignInSuccess")).toBe(true);
    expect(results[6]).toBe("RateLimitedError");
    const fromElsewhere = await gql(identity, anonymousIn(tenant.businessId, randomIp()), REQUEST, {
      email: `${unique("ip")}@client.test`,
    });
    expect(fromElsewhere.data.requestSignIn.__typename).toBe("RequestSignInSuccess");
  });

  it("turns invited into active on the first sign-in, records lastLoginAt, and sets the session", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    const { data, headers } = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(data.confirmSignIn.viewer).toMatchObject({ kind: "CONTACT", contact: { id: contact.id, access: { status: "ACTIVE" } } });
    expect(Date.now() - new Date(data.confirmSignIn.viewer.contact.access.lastLoginAt).getTime()).toBeLessThan(10_000);
    expect(await outboxEvents(identity, "identity.contact.activated", { key: "contactId", value: contact.id })).toHaveLength(1);

    const [sessionToken, maxAge] = headers.get("x-portal-set-session")!.split(";");
    expect(Number(maxAge)).toBe(30 * 86_400);
    const auth = await authenticate(identity, { host: `${tenant.slug}.localhost:4000`, sessionToken });
    expect(auth).toMatchObject({ business: { id: tenant.businessId }, actor: { kind: "contact", id: contact.id }, sessionValid: true });
    expect(auth.actor.sessionId).toBeTruthy();
  });

  it("only signs in on the link's own business", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    const wrongHost = await gql(identity, anonymousIn(other.businessId), CONFIRM, { token });
    expect(wrongHost.data.confirmSignIn.__typename).toBe("InvalidSignInLinkError");
    const rightHost = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(rightHost.data.confirmSignIn.__typename).toBe("SignInSuccess");
  });

  it("signs staff in with the same kind of link, and signs out", async () => {
    const tenant = await createTenant(identity);
    await gql(identity, anonymousIn(tenant.businessId), REQUEST, { email: `owner@${tenant.slug}.test`, audience: "STAFF" });
    const token = tokenFrom(
      (await eventsEventually(identity, "identity.sign_in.requested", { key: "staffId", value: tenant.ownerId }))[0]!,
    );
    const { data, headers } = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(data.confirmSignIn.viewer).toMatchObject({ kind: "STAFF", staff: { id: tenant.ownerId } });
    const sessionToken = headers.get("x-portal-set-session")!.split(";")[0];
    const auth = await authenticate(identity, { host: `${tenant.slug}.localhost`, sessionToken });
    expect(auth.actor).toMatchObject({ kind: "staff", id: tenant.ownerId, role: "owner" });

    const out = await gql(
      identity,
      { ...tenant.staff, actor: auth.actor },
      `mutation { signOut { __typename ... on SignOutSuccess { ok } } }`,
    );
    expect(out.data.signOut.ok).toBe(true);
    expect(out.headers.get("x-portal-clear-session")).toBe("1");
    expect(await authenticate(identity, { host: `${tenant.slug}.localhost`, sessionToken })).toMatchObject({
      actor: { kind: "anonymous" },
      sessionValid: false,
    });
  });

  function signInTokens(contactId: string): Promise<number> {
    return sql<{ count: string }>(
      forkFor(identity.orm, null),
      `select count(*) from identity.sign_in_token where contact_id = ? and purpose = 'sign_in'`,
      [contactId],
    ).then(([row]) => Number(row!.count));
  }
});

/** Holds a SHARE lock on a table (writers wait, readers don't) until released. */
async function lockTable(table: string): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: inject("databaseUrl" as never) as string });
  await client.connect();
  await client.query("begin");
  await client.query(`lock table ${table} in share mode`);
  return {
    async release() {
      await client.query("rollback");
      await client.end();
    },
  };
}
