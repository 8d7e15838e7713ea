import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { cpuMillis, type Child } from "./support/child.js";
import { control } from "./support/live-control.js";
import { type ServerChild, startLiveServers } from "./support/live-servers.js";
import { fdCount, gatewayCall, percentiles, rssKb, sleep, untilHeard, type Percentiles } from "./support/live-common.js";
import { openSubscriber, openSubscribers, type Subscriber } from "./support/live-subscribers.js";
import type { LivePeople } from "./support/live-subgraph-process.js";

/**
 * The live path: one invoice change reaching many open `invoiceChanged` subscriptions, through
 * graphql-ws clients → the gateway → billing, each server in its own production process (identity
 * too: it authenticates every socket and answers each message's `contact { name }`). Staff of the
 * demo business subscribe as the admin console does; the owner sends an invoice through the
 * gateway and the time until each subscriber hears of it is measured.
 */
const LEVELS = [1, 100, 1000];
const SENDS_PER_LEVEL = 5;
const WARM_UP_ROUNDS = 4;
/** How long a warm-up waits for every subscriber before the next warm-up invoice is sent. */
const WARM_UP_WAIT_MS = 5_000;
const DELIVERY_TIMEOUT_MS = 20_000;
const TARGET_SUBSCRIBERS = 1000;
const TARGET_P99_MS = 100;

export interface LiveLevelResult {
  subscribers: number;
  /** Sockets that got their connection_ack, and why the others did not. */
  opened: number;
  openFailures: string[];
  openSeconds: number;
  /** Warm-up invoices sent until every subscriber had heard one, and how many never did (not ready). */
  warmUpRounds: number;
  notReady: number;
  /** Time from sending the mutation to each subscriber's message, pooled over every send. */
  latency: Percentiles;
  expected: number;
  missing: number;
  errors: string[];
  /** sendInvoice's own answer time as the owner saw it, median over the sends. */
  mutationMs: number;
  /** Gateway event-loop delay during the deliveries: worst p99 of the sends, and the max. */
  loopDelay: { p99: number; max: number };
  /** Resident memory grown per idle subscription (kB), between before opening and all open and idle. */
  memoryPerSubscriptionKb: { gateway: number; billing: number };
  /** Open file descriptors once all are open (one per socket). */
  fds: { gateway: number; billing: number };
  /** Per send, from the processes' own counters during the delivery. */
  cpuMsPerSend: { gateway: number; billing: number; identity: number; clients: number };
  sqlPerSend: { billing: number; identity: number };
  /** HTTP requests identity answered per send (the gateway fetching each message's `contact { name }`). */
  identityRequestsPerSend: number;
}

export interface LiveBenchResult {
  levels: LiveLevelResult[];
  /** A signed-in contact of the same business, subscribed throughout: hears their own invoices only. */
  authorization: { ownInvoicesHeard: number; ownInvoicesSent: number; othersHeard: number; othersSent: number };
}

interface Servers {
  identity: Child<{ url: string; controlUrl: string }>;
  billing: Child<{ url: string; controlUrl: string }>;
  gateway: Child<{ url: string; controlUrl: string }>;
  people: LivePeople;
  owner: (query: string, variables?: Record<string, unknown>) => Promise<MutationAnswer>;
  wsUrl: string;
}

export async function liveBench(): Promise<LiveBenchResult> {
  const agent = new Agent({ keepAlive: true });
  const open: Subscriber[] = [];
  const started = await startLiveServers(
    { name: "client_portal_bench_live", embeddedDataDir: ".data/bench-live-postgres", embeddedPort: 54329 },
    ["identity", "billing"],
  );
  try {
    const { identity, billing } = started.subgraphs as { identity: ServerChild; billing: ServerChild };
    const gateway = started.gateway;
    const people = await control<LivePeople>(identity.ready.controlUrl, "people", { staffCount: Math.max(...LEVELS) });
    await untilBillingKnows(billing.ready.controlUrl, people);
    const servers: Servers = {
      identity,
      billing,
      gateway,
      people,
      owner: (query, variables) => gatewayCall<MutationAnswer>(agent, gateway.ready.url, people.host, people.ownerToken, query, variables),
      wsUrl: gateway.ready.url.replace(/^http/, "ws"),
    };

    const watcher = await openSubscriber(servers.wsUrl, people.host, people.watcherToken);
    open.push(watcher);
    const levels: LiveLevelResult[] = [];
    const ownInvoices: string[] = [];
    const othersInvoices: string[] = [];
    for (const count of LEVELS) {
      console.log(`  ${count} subscriber(s)…`);
      levels.push(await measureLevel(servers, count, watcher, open, ownInvoices, othersInvoices));
    }
    await sleep(1000); // a late message to the watcher would still be counted
    const heard = (ids: string[]) => watcher.messages.filter((message) => ids.includes(message.id)).length;
    return {
      levels,
      authorization: {
        ownInvoicesHeard: new Set(watcher.messages.filter((m) => ownInvoices.includes(m.id)).map((m) => m.id)).size,
        ownInvoicesSent: ownInvoices.length,
        othersHeard: heard(othersInvoices),
        othersSent: othersInvoices.length,
      },
    };
  } finally {
    await Promise.allSettled(open.map((subscriber) => subscriber.close()));
    agent.destroy();
    await started.stop();
  }
}

async function measureLevel(
  servers: Servers,
  count: number,
  watcher: Subscriber,
  open: Subscriber[],
  ownInvoices: string[],
  othersInvoices: string[],
): Promise<LiveLevelResult> {
  const { people, gateway, billing, identity } = servers;
  // Drafts first, before anyone listens (staff hear drafts being created too).
  const measured = [];
  for (let i = 0; i < SENDS_PER_LEVEL; i++) measured.push(await createDraft(servers, people.billedContactId, `Measured ${count}/${i + 1}`));
  const warmUps = [];
  for (let i = 0; i < WARM_UP_ROUNDS; i++) warmUps.push(await createDraft(servers, people.watcherContactId, `Warm-up ${count}/${i + 1}`));
  await sleep(1000);

  const rssBefore = await residentMemory(servers);
  const openStart = performance.now();
  const { subscribers, failures } = await openSubscribers(servers.wsUrl, people.host, people.staffTokens.slice(0, count));
  const openSeconds = (performance.now() - openStart) / 1000;
  open.push(...subscribers);
  try {
    // Ready means heard: the upstream subscription exists only once a message can come through it.
    await sleep(1000);
    let waiting = [...subscribers, watcher];
    let warmUpRounds = 0;
    for (const invoiceId of warmUps) {
      if (!waiting.length) break;
      warmUpRounds++;
      await send(servers, invoiceId);
      ownInvoices.push(invoiceId);
      waiting = await untilHeard(waiting, `${invoiceId}:OPEN`, WARM_UP_WAIT_MS);
    }
    const notReady = waiting.length;
    // A later warm-up may still be on its way to those who heard an earlier one: let it arrive first.
    if (warmUpRounds > 1) await untilHeard([...subscribers, watcher], `${warmUps[warmUpRounds - 1]}:OPEN`, DELIVERY_TIMEOUT_MS);
    await sleep(1500);
    const rssAfter = await residentMemory(servers);
    const fds = { gateway: fdCount(gateway.pid), billing: fdCount(billing.pid) };

    const latencies: number[] = [];
    const mutationTimes: number[] = [];
    const loopDelays: Percentiles[] = [];
    const cpu = { gateway: 0, billing: 0, identity: 0, clients: 0 };
    const sql = { billing: 0, identity: 0 };
    let identityRequests = 0;
    let missing = 0;
    const errorsBefore = subscribers.reduce((sum, subscriber) => sum + subscriber.errors.length, 0);
    for (const invoiceId of measured) {
      await control(gateway.ready.controlUrl, "loop-delay-reset");
      await Promise.all([control(billing.ready.controlUrl, "counters"), control(identity.ready.controlUrl, "counters")]);
      const cpuBefore = { gateway: cpuMillis(gateway.pid), billing: cpuMillis(billing.pid), identity: cpuMillis(identity.pid) };
      const clientsBefore = process.cpuUsage();
      const started = performance.now();
      await send(servers, invoiceId);
      mutationTimes.push(performance.now() - started);
      othersInvoices.push(invoiceId);
      const key = `${invoiceId}:OPEN`;
      await untilHeard(subscribers, key, DELIVERY_TIMEOUT_MS);
      const clientsCpu = process.cpuUsage(clientsBefore);
      cpu.clients += (clientsCpu.user + clientsCpu.system) / 1000;
      cpu.gateway += cpuMillis(gateway.pid) - cpuBefore.gateway;
      cpu.billing += cpuMillis(billing.pid) - cpuBefore.billing;
      cpu.identity += cpuMillis(identity.pid) - cpuBefore.identity;
      loopDelays.push(await control<Percentiles>(gateway.ready.controlUrl, "loop-delay"));
      const [billingCounters, identityCounters] = await Promise.all([
        control<Counters>(billing.ready.controlUrl, "counters"),
        control<Counters>(identity.ready.controlUrl, "counters"),
      ]);
      sql.billing += billingCounters.statements;
      sql.identity += identityCounters.statements;
      identityRequests += identityCounters.requests;
      for (const subscriber of subscribers) {
        const at = subscriber.arrivals.get(key);
        if (at === undefined) missing++;
        else latencies.push(at - started);
      }
      await sleep(300);
    }
    const errors = subscribers.flatMap((subscriber) => subscriber.errors).slice(errorsBefore);
    const per = (value: number) => value / SENDS_PER_LEVEL;
    return {
      subscribers: count,
      opened: subscribers.length,
      openFailures: failures,
      openSeconds,
      warmUpRounds,
      notReady,
      latency: percentiles(latencies),
      expected: count * SENDS_PER_LEVEL,
      missing: missing + failures.length * SENDS_PER_LEVEL,
      errors,
      mutationMs: percentiles(mutationTimes).p50,
      loopDelay: { p99: Math.max(...loopDelays.map((d) => d.p99)), max: Math.max(...loopDelays.map((d) => d.max)) },
      memoryPerSubscriptionKb: {
        gateway: (rssAfter.gateway - rssBefore.gateway) / count,
        billing: (rssAfter.billing - rssBefore.billing) / count,
      },
      fds,
      cpuMsPerSend: { gateway: per(cpu.gateway), billing: per(cpu.billing), identity: per(cpu.identity), clients: per(cpu.clients) },
      sqlPerSend: { billing: per(sql.billing), identity: per(sql.identity) },
      identityRequestsPerSend: per(identityRequests),
    };
  } finally {
    await Promise.allSettled(subscribers.map((subscriber) => subscriber.close()));
    for (const subscriber of subscribers) open.splice(open.indexOf(subscriber), 1);
    await sleep(1000); // the gateway and billing let go of the closed subscriptions
  }
}

export function printLiveBench(result: LiveBenchResult): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `Live updates: invoiceChanged (the admin console's subscription) over graphql-ws → gateway → billing, staff of one business; one invoice sent ${SENDS_PER_LEVEL}× per level, time from sending the mutation to each subscriber's message`,
  );
  for (const level of result.levels) {
    const { latency, loopDelay, memoryPerSubscriptionKb: memory, cpuMsPerSend: cpu, sqlPerSend: sql } = level;
    console.log(
      `  ${String(level.subscribers).padStart(4)} subscribers: p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}, missing ${level.missing} of ${level.expected}, errors ${level.errors.length}; gateway event-loop delay p99 ${ms(loopDelay.p99)}, max ${ms(loopDelay.max)}`,
    );
    console.log(
      `        memory per idle subscription: gateway ${memory.gateway.toFixed(0)} kB, billing ${memory.billing.toFixed(0)} kB (open fds: gateway ${level.fds.gateway}, billing ${level.fds.billing}); opened ${level.opened} in ${level.openSeconds.toFixed(1)} s, ready after ${level.warmUpRounds} warm-up send(s)${level.notReady ? `, ${level.notReady} never heard one` : ""}`,
    );
    console.log(
      `        per send: CPU gateway ${cpu.gateway.toFixed(0)} ms, billing ${cpu.billing.toFixed(0)} ms, identity ${cpu.identity.toFixed(0)} ms, clients ${cpu.clients.toFixed(0)} ms; SQL statements billing ${sql.billing.toFixed(0)}, identity ${sql.identity.toFixed(0)}; HTTP requests to identity ${level.identityRequestsPerSend.toFixed(0)}; sendInvoice answered in ${ms(level.mutationMs)}`,
    );
    for (const failure of [...new Set(level.openFailures)].slice(0, 3)) console.log(`        could not open: ${failure}`);
    for (const error of [...new Set(level.errors)].slice(0, 3)) console.log(`        error: ${error}`);
  }
  const auth = result.authorization;
  const authorized = auth.othersHeard === 0 && auth.ownInvoicesHeard === auth.ownInvoicesSent;
  console.log(
    `  Authorization: a signed-in contact of the business, subscribed throughout, heard ${auth.ownInvoicesHeard} of their own ${auth.ownInvoicesSent} sent invoices and ${auth.othersHeard} messages about the ${auth.othersSent} sent to another contact (${authorized ? "holds" : "BROKEN"})`,
  );
  const target = result.levels.find((level) => level.subscribers === TARGET_SUBSCRIBERS);
  const met = target !== undefined && target.missing === 0 && target.latency.p99 <= TARGET_P99_MS;
  console.log(`  ${TARGET_SUBSCRIBERS} subscribers p99 ≤ ${TARGET_P99_MS} ms: ${met ? "met" : "NOT met"}`);
}

async function createDraft(servers: Servers, contactId: string, description: string): Promise<string> {
  const created = await servers.owner(
    `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { __typename ... on InvoiceSuccess { invoice { id } } ... on UserError { message } } }`,
    {
      input: {
        contactId,
        currency: "USD",
        lines: [{ description, quantity: 1, unitPrice: 2500 }],
        issueDate: "2026-11-01",
        dueDate: "2099-12-01",
      },
    },
  );
  const invoice = created.createInvoice?.invoice;
  if (!invoice) throw new Error(`createInvoice answered ${JSON.stringify(created)}`);
  return invoice.id;
}

/** As the admin console sends it; the portal invitation is left out, so the delivery is all the server does. */
async function send(servers: Servers, invoiceId: string): Promise<void> {
  const sent = await servers.owner(
    `mutation ($id: ID!) { sendInvoice(id: $id, inviteToPortal: false) { __typename ... on UserError { message } } }`,
    { id: invoiceId },
  );
  if (sent.sendInvoice?.__typename !== "InvoiceSuccess") throw new Error(`sendInvoice answered ${JSON.stringify(sent)}`);
}

/** Billing hears of identity's contacts through events; the bench waits until it knows the two it bills. */
async function untilBillingKnows(billingControl: string, people: LivePeople): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const known = await control<{ contactIds: string[] }>(billingControl, "known", { businessId: people.businessId });
    if ([people.watcherContactId, people.billedContactId].every((id) => known.contactIds.includes(id))) return;
    if (Date.now() > deadline) throw new Error(`billing knows ${known.contactIds.length} contacts of the demo business after 2 minutes`);
    await sleep(250);
  }
}

/** A mutation's answer: each field an InvoiceResult (InvoiceSuccess or a UserError). */
type MutationAnswer = Record<string, { __typename: string; invoice?: { id: string }; message?: string }>;

interface Counters {
  statements: number;
  requests: number;
}

/** Resident memory of the gateway and billing, each after a full garbage collection. */
async function residentMemory(servers: Servers): Promise<{ gateway: number; billing: number }> {
  await Promise.all([control(servers.gateway.ready.controlUrl, "gc"), control(servers.billing.ready.controlUrl, "gc")]);
  await sleep(200);
  return { gateway: rssKb(servers.gateway.pid), billing: rssKb(servers.billing.pid) };
}
