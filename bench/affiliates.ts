import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createAffiliatesSubgraph } from "@portal/affiliates";
import { createIdentitySubgraph } from "@portal/identity";
import { type Actor, countStatements, forkFor, runSubgraph, sql } from "@portal/kit";
import autocannon from "autocannon";
import { SESSION_COOKIE } from "../gateway/src/cookies.js";
import { SignedSubgraph } from "../scripts/signed-subgraph.js";
import { benchDatabase } from "./support/bench-database.js";
import { seedDashboardParties } from "./support/dashboard-content.js";
import { type InProcessGateway, startInProcessGateway } from "./support/in-process-gateway.js";

/**
 * Affiliates, measured in one run with identity, affiliates and the gateway in this process
 * (production mode):
 * - clicks per second through the portal's affiliate link route (`GET /r/<code>` on the business's
 *   host: the gateway asks affiliates, which finds the link and counts the click in one statement,
 *   then redirects), at 50 connections, every request a new visitor (its own browser string), so
 *   every one is counted; autocannon drives it from a worker thread;
 * - SQL statements of the affiliate's portal page (links, figures, 90 days of the chart, balances,
 *   the first pages of referrals, commissions and payouts) with 10 and with 1,000 commissions.
 */
const CONNECTIONS = 50;
const DURATION_SECONDS = 8;
const HOST = "brightside.localhost";
export const AFFILIATES_TARGETS = { clicksPerSecond: 500, p99Ms: 100 };

const PAGE = `query AffiliatePage {
  affiliateProgramme { enabled commissionType commissionBasisPoints holdDays minimumPayout allowedLandingUrls }
  myAffiliate { id name
    links { id code url landingUrl isDefault clicks referrals conversions earnings { amount currency } }
    stats(days: 90) { clicks referrals conversions conversionRate earnings { amount currency } earningsCurrency days { date clicks referrals conversions earnings } }
    balances { currency pending approved paid }
    referrals(first: 20) { totalCount edges { node { id label linkCode referredAt converted } } }
    commissions(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind status amount currency referralLabel payableAt } } }
    payouts(first: 20) { totalCount edges { node { id amount currency paidAt } } } } }`;

export interface AffiliatesBenchResult {
  clicksPerSecond: number;
  p99: number;
  /** Answers other than the redirect. */
  errors: number;
  /** Clicks the link counted during the run (each request a new visitor). */
  counted: number;
  requests: number;
  pageStatements: { commissions: number; statements: number }[];
}

export async function affiliatesBench(): Promise<AffiliatesBenchResult> {
  const database = await benchDatabase();
  const secret = randomBytes(32).toString("hex");
  const runtime = { databaseUrl: database.url, gatewaySecret: secret, port: 0, production: true };
  const identityDefinition = createIdentitySubgraph({
    portalSecret: secret,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: 30,
    production: true,
  });
  const affiliatesDefinition = createAffiliatesSubgraph({ production: true, approvalIntervalMs: 0 });
  // Affiliates first: it learns the business and its contacts from identity's events.
  const affiliates = await runSubgraph(affiliatesDefinition, runtime);
  const identity = await runSubgraph(identityDefinition, runtime);
  let gateway: InProcessGateway | undefined;
  try {
    const parties = await seedDashboardParties(database.url, secret);
    const businessId = parties.business.id;
    const ownerActor: Actor = { kind: "staff", id: parties.owner.id, role: "owner" };
    const owner = new SignedSubgraph(affiliates.url, secret, businessId, ownerActor, "bench");
    await owner.data(`mutation($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { __typename } }`, {
      input: { enabled: true, allowedLandingUrls: ["https://brightside.example/"] },
    });
    const affiliate = await until(
      async () =>
        (
          await owner.data<{ makeAffiliate: { __typename: string; affiliate?: { id: string; links: { id: string; code: string }[] } } }>(
            `mutation($c: ID!) { makeAffiliate(contactId: $c, inviteToPortal: false) { __typename ... on AffiliateSuccess { affiliate { id links { id code } } } } }`,
            { c: parties.client.id },
          )
        ).makeAffiliate,
      (answer) => answer.__typename === "AffiliateSuccess",
      "affiliates to know the client",
    );
    const link = affiliate.affiliate!.links[0]!;

    gateway = await startInProcessGateway(
      [
        { name: "identity", running: identity, definition: identityDefinition },
        { name: "affiliates", running: affiliates, definition: affiliatesDefinition },
      ],
      { secret, databaseUrl: database.url, identityUrl: identity.url },
    );
    const clickUrl = `${new URL(gateway.url).origin}/r/${link.code}`;
    const check = await fetch(clickUrl, { headers: { host: HOST, "user-agent": "Mozilla/5.0 (bench check)" }, redirect: "manual" });
    if (check.status !== 302) throw new Error(`the click route answered ${check.status}: ${await check.text()}`);

    const em = forkFor(affiliates.orm, businessId);
    const clicks = async () =>
      Number((await sql<{ n: string }>(em, `select count(*) as n from affiliates.click where business_id = ?`, [businessId]))[0]!.n);
    await clickLoad(clickUrl); // warm-up
    const before = await clicks();
    const measured = await clickLoad(clickUrl, DURATION_SECONDS);
    const counted = (await clicks()) - before;

    const pageStatements: AffiliatesBenchResult["pageStatements"] = [];
    const headers = { "content-type": "application/json", host: HOST, cookie: `${SESSION_COOKIE}=${parties.sessionToken}` };
    for (const target of [10, 1000]) {
      await addCommissions(em, businessId, affiliate.affiliate!.id, link.id, target - (pageStatements.at(-1)?.commissions ?? 0));
      const ask = async () => {
        const answer = await (await fetch(gateway!.url, { method: "POST", headers, body: JSON.stringify({ query: PAGE }) })).json();
        const total = answer.data?.myAffiliate?.commissions?.totalCount;
        if (total !== target) throw new Error(`the affiliate page answered ${JSON.stringify(answer).slice(0, 300)}`);
      };
      await ask(); // warm-up
      pageStatements.push({ commissions: target, statements: await countStatements(affiliates, businessId, ask) });
    }
    return {
      clicksPerSecond: measured.requestsPerSecond,
      p99: measured.p99,
      errors: measured.errors,
      counted,
      requests: measured.requests,
      pageStatements,
    };
  } finally {
    await gateway?.stop();
    await identity.stop();
    await affiliates.stop();
    await database.stop();
  }
}

/** GETs of the click route from a worker thread, each with a new visitor's browser string (bench/support/new-visitor.cjs). */
async function clickLoad(url: string, durationSeconds = 2) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    workers: 1,
    duration: durationSeconds,
    headers: { host: HOST },
    requests: [{ method: "GET", setupRequest: fileURLToPath(new URL("./support/new-visitor.cjs", import.meta.url)) }],
  } as never);
  const redirects = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats?.["302"]?.count ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.requests.total - redirects,
  };
}

/** `count` more referred clients of the affiliate, each with one commission, in mixed states (as staff would see after months). */
async function addCommissions(
  em: ReturnType<typeof forkFor>,
  businessId: string,
  affiliateId: string,
  linkId: string,
  count: number,
): Promise<void> {
  await sql(
    em,
    `with referred as (
       insert into affiliates.referral (business_id, affiliate_id, link_id, contact_id, referred_at, first_converted_at)
       select ?, ?, ?, gen_random_uuid(), now() - (g || ' hours')::interval, now() from generate_series(1, ?) g
       returning id, business_id, affiliate_id, referred_at)
     insert into affiliates.commission (business_id, affiliate_id, referral_id, kind, status, amount, currency, invoice_id, invoice_currency,
       paid_amount, commission_type, basis_points, fixed_amount, created_at, payable_at)
     select business_id, affiliate_id, id, 'COMMISSION', (array['PENDING','APPROVED','CANCELLED'])[1 + (row_number() over () % 3)::int],
       1000, 'USD', gen_random_uuid(), 'USD', 5000, 'PERCENTAGE', 2000, 0, referred_at, now() + interval '30 days'
     from referred`,
    [businessId, affiliateId, linkId, count],
  );
}

export function printAffiliatesBench(result: AffiliatesBenchResult): void {
  const fast =
    result.clicksPerSecond >= AFFILIATES_TARGETS.clicksPerSecond &&
    result.p99 <= AFFILIATES_TARGETS.p99Ms &&
    result.errors === 0 &&
    result.counted >= result.requests;
  console.log(
    `Affiliate link clicks through the gateway (/r/<code>, ${CONNECTIONS} connections, ${DURATION_SECONDS} s, each a new visitor): ${result.clicksPerSecond.toFixed(0)} clicks/s, p99 ${result.p99.toFixed(2)} ms, ${result.counted} of ${result.requests} counted, errors ${result.errors} (target ≥ ${AFFILIATES_TARGETS.clicksPerSecond}/s, p99 ≤ ${AFFILIATES_TARGETS.p99Ms} ms, every visit counted, no errors: ${fast ? "met" : "not met"})`,
  );
  const [few, many] = result.pageStatements;
  const same = few && many && few.statements === many.statements;
  console.log(
    `The affiliate's page, SQL statements: ${few?.statements} with ${few?.commissions} commissions, ${many?.statements} with ${many?.commissions} (target: the same: ${same ? "met" : "not met"})`,
  );
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
