import { ownDatabase } from "@portal/kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PortalClient } from "./support/http-client.js";
import { createBusiness, signedInContact, type TestBusiness } from "./support/journeys.js";
import type { Platform } from "./support/platform.js";
import { SESSION_ENDED_CLOSE_CODES, subscribeLikeTheWebApp, type LiveSubscription } from "./support/scale-out-live-client.js";
import { SUBGRAPH_NAMES, startScaleOutPlatform, type ScaleOutPlatform, type SubgraphName } from "./support/scale-out-platform.js";

/**
 * Operators who outgrow one machine run every process twice. Two instances of every subgraph and
 * two gateways, each behind a small load balancer, take a steady mix of reads and writes; halfway
 * through, one gateway and one instance of every subgraph stop. What a user or operator would
 * notice must not happen: requests failing beyond those the stopped instances held, an acknowledged
 * write missing, a live page that stays stale, an email sent twice.
 */

/** Enough writes on each side of the stop that both instances of each subgraph have served some. */
const WRITES_PER_PHASE = 8;
const PHASE_TIMEOUT_MS = 60_000;
/** CI runs this file next to one other on a server with max_connections = 100. */
const MAX_CONNECTIONS = 60;

interface Outcome {
  operation: string;
  ok: boolean;
  startedAt: number;
  tookMs: number;
  problem?: string;
}

/** web/src/portal/DashboardPage.tsx's query: every subgraph answers part of it. */
const PORTAL_DASHBOARD = `query PortalDashboard {
  portal { settings { welcomeMessage sections { section enabled } } }
  viewer {
    contact {
      id
      invoiceSummary { hasInvoices outstandingCount totalDue currency nextDueDate }
      documentSummary { hasDocuments waitingForSignature }
      communitySummary { hasGroups groupCount unreadCount }
      courseSummary { hasCourses courseCount completedCount progressPercent resumeCourseId }
      appointmentSummary { hasAppointments canBook next { id startsAt typeName } }
      affiliateSummary { isAffiliate pending { amount currency } approved { amount currency } referrals }
    }
  }
}`;

interface InvoiceChange {
  invoiceChanged: { id: string; status: string };
}

describe("scale out: two of every process behind load balancers, one of each stopped under load", () => {
  const database = ownDatabase(inject("databaseUrl" as never) as string, "scale_out");
  let platform: ScaleOutPlatform;
  let business: TestBusiness;
  /** Staff's invoices page and the client's, each with its live subscription as the web app holds it. */
  let live: LiveSubscription<InvoiceChange>;
  let clientLive: LiveSubscription<InvoiceChange>;
  let connectionsWatch: { max: number; stop: () => Promise<void> };
  const outcomes: Outcome[] = [];
  const contactsCreated: string[] = [];
  const invoicesSent: { id: string; sentAt: number }[] = [];
  const exposures: Record<string, number> = {};
  /** Requests each instance of each subgraph and each gateway had been sent before the stops. */
  const servedBeforeStops: Record<string, number> = {};
  /** When the last of the stopped instances had stopped. */
  let stoppedAt = 0;
  let stoppedGateway = "";

  beforeAll(async () => {
    await database.create();
    connectionsWatch = await watchConnections(database.url);
    const startedAt = Date.now();
    platform = await startScaleOutPlatform(database.url);
    console.log(`[scale-out] 16 subgraph instances, 2 gateways and 9 load balancers started in ${Date.now() - startedAt} ms`);
    business = await createBusiness(
      { client: platform.client, operatorEmail: platform.operatorEmail } as unknown as Platform,
      "Scaled Studio",
    );
    const contact = await signedInContact(platform, business, "Dana");

    live = subscribeLikeTheWebApp<InvoiceChange>(business.staff, "subscription { invoiceChanged { id status } }");
    await until(
      () => live.connections > 0,
      () => "staff's live page never connected",
    );
    // The gateway its socket went to, the one to stop.
    stoppedGateway = busiest(platform.front.stats());
    clientLive = subscribeLikeTheWebApp<InvoiceChange>(contact.client, "subscription { invoiceChanged { id status } }");

    let running = true;
    const record = async (operation: string, run: () => Promise<string | null>) => {
      const startedAt = Date.now();
      let problem: string | null;
      try {
        problem = await run();
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      outcomes.push({ operation, ok: problem === null, startedAt, tookMs: Date.now() - startedAt, ...(problem ? { problem } : {}) });
    };
    const loop = async (step: (i: number) => Promise<void>) => {
      for (let i = 0; running; i++) await step(i);
    };
    const loops = [
      // Reads: the staff's invoice list, and the client's dashboard as the web app asks it (every section's summary).
      loop((i) =>
        record("staff invoices", () => problemOf(business.staff, `{ invoices(first: 5) { edges { node { id number status } } } }`, i)),
      ),
      loop((i) => record("client dashboard", () => problemOf(contact.client, PORTAL_DASHBOARD, i))),
      // Writes: staff add contacts (identity), and create and send invoices (billing; automation emails each).
      loop((i) =>
        record("create contact", async () => {
          const result = await business.staff.graphql(
            `mutation ($input: ContactInput!) { createContact(input: $input) { __typename ... on ContactSuccess { contact { id } } ... on UserError { message } } }`,
            { input: { name: `Load ${i}`, email: `load-${i}-${Date.now()}@${business.slug}.test`, phone: null, dnd: false } },
          );
          const created = result.data?.createContact;
          if (created?.__typename !== "ContactSuccess") return describeFailure(result);
          contactsCreated.push(created.contact.id);
          return null;
        }),
      ),
      loop(async () => {
        let invoiceId: string | null = null;
        await record("create invoice", async () => {
          const result = await business.staff.graphql(
            `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { __typename ... on InvoiceSuccess { invoice { id } } ... on UserError { message } } }`,
            {
              input: {
                contactId: contact.id,
                currency: "USD",
                lines: [{ description: "Coaching session", quantity: 1, unitPrice: 2500 }],
                taxRateBps: 0,
                issueDate: "2026-11-01",
                dueDate: "2099-12-01",
              },
            },
          );
          if (result.data?.createInvoice?.__typename !== "InvoiceSuccess") return describeFailure(result);
          invoiceId = result.data.createInvoice.invoice.id;
          return null;
        });
        if (!invoiceId) return;
        const id: string = invoiceId;
        const sentAt = Date.now();
        await record("send invoice", async () => {
          const result = await business.staff.graphql(
            `mutation ($id: ID!) { sendInvoice(id: $id) { __typename ... on UserError { message } } }`,
            { id },
          );
          if (result.data?.sendInvoice?.__typename !== "InvoiceSuccess") return describeFailure(result);
          invoicesSent.push({ id, sentAt });
          return null;
        });
      }),
    ];

    try {
      // Steady load on both instances of everything, until each kind of write went through a few
      // times and the live page heard of one.
      await until(
        () => contactsCreated.length >= WRITES_PER_PHASE && invoicesSent.length >= WRITES_PER_PHASE && live.received.length > 0,
        progress,
      );
      console.log("[scale-out] before the stops:", progress());
      for (const balancer of [platform.front, ...Object.values(platform.balancers)])
        for (const [name, stats] of Object.entries(balancer.stats())) servedBeforeStops[name] = stats.served;

      // Stop the gateway holding staff's live page; once the pages are back (on the other gateway,
      // whose live relay then holds a socket to one instance of billing), stop one instance of every
      // subgraph: of each, the one holding a live relay socket if one does, else the first.
      exposures[stoppedGateway] = await platform.stopGateway(stoppedGateway);
      await until(() => live.connections >= 2 && Object.values(platform.balancers.billing.stats()).some((b) => b.tunnels > 0), progress);
      const instanceOf = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, busiest(platform.balancers[name].stats())])) as Record<
        SubgraphName,
        string
      >;
      Object.assign(exposures, await platform.stopInstances(instanceOf));
      stoppedAt = Date.now();
      const contactsBefore = contactsCreated.length;
      const invoicesBefore = invoicesSent.length;

      // The load goes on against what is left, until as many writes again went through and both live
      // pages heard of an invoice sent after the stops.
      await until(
        () =>
          contactsCreated.length >= contactsBefore + WRITES_PER_PHASE &&
          invoicesSent.length >= invoicesBefore + WRITES_PER_PHASE &&
          sentAfterStopSeen(live) &&
          sentAfterStopSeen(clientLive),
        progress,
      );
      console.log("[scale-out] after the stops:", progress());
    } finally {
      running = false;
      await Promise.all(loops);
    }
  }, 240_000);

  afterAll(async () => {
    live?.dispose();
    clientLive?.dispose();
    await platform?.stop();
    await connectionsWatch?.stop();
    await database.drop();
  }, 60_000);

  function progress(): string {
    return JSON.stringify({
      requests: outcomes.length,
      failed: outcomes.filter((o) => !o.ok).length,
      contactsCreated: contactsCreated.length,
      invoicesSent: invoicesSent.length,
      staffPage: live && summaryOf(live),
      clientPage: clientLive && summaryOf(clientLive),
      front: platform.front.stats(),
      billing: platform.balancers.billing.stats(),
    });
  }

  function sentAfterStopSeen(page: LiveSubscription<InvoiceChange>): boolean {
    const afterStop = new Set(invoicesSent.filter((sent) => sent.sentAt > stoppedAt).map((sent) => sent.id));
    return page.received.some((event) => afterStop.has(event.data.invoiceChanged.id));
  }

  it("spreads the load over both instances of every subgraph and both gateways", () => {
    expect(Object.keys(servedBeforeStops)).toHaveLength(2 + 2 * SUBGRAPH_NAMES.length);
    expect(Object.entries(servedBeforeStops).filter(([, served]) => served === 0)).toEqual([]);
  });

  it("fails no request, though some were in flight on the stopped gateway and instances (they drain before closing)", () => {
    const failed = outcomes.filter((outcome) => !outcome.ok);
    const exposed = Object.values(exposures).reduce((sum, count) => sum + count, 0);
    const medianMs = (operation: string) => {
      const took = outcomes
        .filter((o) => o.operation === operation)
        .map((o) => o.tookMs)
        .sort((a, b) => a - b);
      return took[Math.floor(took.length / 2)];
    };
    const latency = Object.fromEntries([...new Set(outcomes.map((o) => o.operation))].map((operation) => [operation, medianMs(operation)]));
    const summary = { requests: outcomes.length, medianMs: latency, failed: failed.map((f) => `${f.operation}: ${f.problem}`), exposures };
    console.log("[scale-out]", JSON.stringify(summary));
    expect(outcomes.filter((outcome) => outcome.startedAt > stoppedAt).length).toBeGreaterThan(0);
    expect(failed, JSON.stringify(summary)).toEqual([]);
  });

  it("loses no acknowledged write: every contact and sent invoice is there afterwards", async () => {
    const contacts = await allIds(business.staff, "contacts", "");
    expect(contactsCreated.filter((id) => !contacts.has(id))).toEqual([]);
    const invoices = await allIds(business.staff, "invoices", "status");
    expect(invoicesSent.filter((sent) => invoices.get(sent.id) !== "OPEN")).toEqual([]);
  });

  it("resumes live pages on the other gateway by themselves: they reconnect and hear of changes made after the stops", async () => {
    console.log("[scale-out] live pages:", JSON.stringify({ staff: summaryOf(live), client: summaryOf(clientLive) }));
    // Staff's page lost its gateway, with a close the web app reconnects after, and connected again.
    expect(live.closes.length).toBeGreaterThan(0);
    expect(live.closes.filter((code) => SESSION_ENDED_CLOSE_CODES.includes(code))).toEqual([]);
    expect(live.connections).toBeGreaterThanOrEqual(2);
    // Both pages heard of invoices sent after the gateway and one instance of billing had stopped.
    expect(sentAfterStopSeen(live)).toBe(true);
    expect(sentAfterStopSeen(clientLive)).toBe(true);
    // And both are held by the gateway left running.
    await expect
      .poll(() => Object.entries(platform.front.stats()).find(([name]) => name !== stoppedGateway)?.[1].tunnels)
      .toBeGreaterThanOrEqual(2);
  });

  it("handles each event once: every sent invoice is emailed exactly once", async () => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const events = async () =>
        (
          await db.query<{ id: string; invoice_id: string }>(
            `select id, payload->>'invoiceId' as invoice_id from billing.outbox_event where type = 'billing.invoice.sent' and business_id = $1`,
            [business.id],
          )
        ).rows;
      const emails = async () =>
        (
          await db.query<{ event_id: string; status: string }>(
            `select event_id, status from automation.email_log where business_id = $1 and template = 'NEW_INVOICE'`,
            [business.id],
          )
        ).rows;
      // Every acknowledged send was announced, once.
      const sentEvents = await events();
      const announced = sentEvents.map((event) => event.invoice_id);
      expect(invoicesSent.filter((sent) => !announced.includes(sent.id))).toEqual([]);
      expect(new Set(announced).size).toBe(announced.length);
      // Every announcement becomes one email, delivered once, whichever instance took it.
      await expect
        .poll(async () => (await emails()).filter((email) => email.status === "SENT").length, { timeout: 60_000, interval: 250 })
        .toBe(sentEvents.length);
      const logged = await emails();
      expect(logged.map((email) => email.event_id).sort()).toEqual(sentEvents.map((event) => event.id).sort());
      const delivered = await db.query<{ count: string }>(
        `select count(*) from automation.dev_mail_message where business_id = $1 and template = 'NEW_INVOICE'`,
        [business.id],
      );
      expect(Number(delivered.rows[0].count)).toBe(sentEvents.length);
    } finally {
      await db.end();
    }
  });

  it(`keeps the PostgreSQL connections of 16 subgraph instances and 2 gateways at ${MAX_CONNECTIONS} or fewer`, () => {
    console.log("[scale-out] most connections open at once:", connectionsWatch.max);
    expect(connectionsWatch.max).toBeGreaterThan(0);
    expect(connectionsWatch.max).toBeLessThanOrEqual(MAX_CONNECTIONS);
  });
});

/** null when the query answered in full; else what went wrong. */
async function problemOf(client: PortalClient, query: string, _i: number): Promise<string | null> {
  const result = await client.graphql(query);
  return result.status === 200 && result.data && !result.errors?.length ? null : describeFailure(result);
}

function describeFailure(result: { status: number; data?: unknown; errors?: { message: string }[] }): string {
  return `HTTP ${result.status}: ${JSON.stringify(result.errors ?? result.data)}`.slice(0, 300);
}

/** Polls until `done`, failing after PHASE_TIMEOUT_MS (a bound for a stuck run, not a speed requirement). */
async function until(done: () => boolean, state: () => string): Promise<void> {
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`the load did not reach its goal in time: ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function summaryOf(page: LiveSubscription<InvoiceChange>) {
  return { received: page.received.length, errors: page.errors.length, connections: page.connections, closes: page.closes };
}

/** The backend holding the most WebSockets (the first on a tie). */
function busiest(stats: Record<string, { tunnels: number }>): string {
  return Object.entries(stats).reduce((best, entry) => (entry[1].tunnels > best[1].tunnels ? entry : best))[0];
}

type ListPage = Record<string, { edges: { node: Record<string, string> }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>;

/** Every id of a staff list (`contacts`, `invoices`), page by page, with `field` of each when asked. */
async function allIds(staff: PortalClient, list: string, field: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const data: ListPage = await staff.data(
      `query ($after: String) { ${list}(first: 100, after: $after) { edges { node { id ${field} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of data[list].edges) found.set(node.id, field ? node[field] : node.id);
    if (!data[list].pageInfo.hasNextPage) return found;
    after = data[list].pageInfo.endCursor;
  }
}

/** Samples the test database's connections (this sampler's own included) every 200 ms; `max` is the most seen. */
async function watchConnections(databaseUrl: string): Promise<{ max: number; stop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  const watch: { max: number; stop: () => Promise<void> } = { max: 0, stop: async () => undefined };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const result = await client.query<{ count: string }>("select count(*) from pg_stat_activity where datname = $1", [name]);
      watch.max = Math.max(watch.max, Number(result.rows[0].count));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  watch.stop = async () => {
    sampling = false;
    await sampler.catch(() => undefined);
    await client.end();
  };
  return watch;
}
