import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { cpuMillis, type Child } from "./support/child.js";
import { control } from "./support/live-control.js";
import { type ServerChild, startLiveServers } from "./support/live-servers.js";
import { gatewayCall, percentiles, rssKb, sleep, untilHeard, type Percentiles } from "./support/live-common.js";
import type { LiveMembers } from "./support/live-subgraph-process.js";
import { openSubscribers, type LiveOperation, type Subscriber } from "./support/live-subscribers.js";

/**
 * The communities feed on the live path: signed-in members subscribed to one group's
 * `communityFeedChanged` over graphql-ws through the gateway, each in its own production process
 * (identity authenticates every socket, communities answers). A member posts through the gateway;
 * the time until every subscriber has the post is measured, with 1 and with 1,000 subscribers.
 * Then 10,000 idle subscriptions are held on the one gateway process for its memory per
 * subscriber, and a feed page's SQL statements are counted with 5 and with 50 comments per post.
 */
const LEVELS = [1, 1000];
const POSTS_PER_LEVEL = 5;
const WARM_UP_ROUNDS = 4;
const WARM_UP_WAIT_MS = 5_000;
const DELIVERY_TIMEOUT_MS = 20_000;
const IDLE_SUBSCRIBERS = 10_000;
const TARGET_P99_MS = 100;
const TARGET_IDLE_KB = 20;
/** How long the gateway is left alone before each idle-memory reading (V8's memory reducer starts after about 15 s). */
const SETTLE_MS = 40_000;

/** What a member's open feed page subscribes to: each change with the post or comment as the feed shows it. */
const FEED_SUBSCRIPTION = `subscription CommunityFeedChanged($groupId: ID!) {
  communityFeedChanged(groupId: $groupId) {
    kind groupId postId commentId
    post { id title html pinned edited removed commentCount createdAt author { id name initials avatarUrl isStaff } images { id } reactions { kind count } }
    comment { id postId parentId html edited removed createdAt author { id name initials avatarUrl isStaff } reactions { kind count } }
    reactions { kind count }
  }
}`;

/** A feed page as a member's group page asks for it: posts with their first comments and reactions. */
const FEED_PAGE = `query FeedPage($groupId: ID!) {
  communityGroup(id: $groupId) {
    id name
    feed(first: 10) {
      edges { node {
        id title html pinned commentCount createdAt author { id name initials avatarUrl }
        reactions { kind count }
        comments(first: 3) { edges { node { id html createdAt author { id name initials } reactions { kind count } } } }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export interface FeedLevelResult {
  subscribers: number;
  opened: number;
  openFailures: string[];
  latency: Percentiles;
  expected: number;
  missing: number;
  errors: string[];
  mutationMs: number;
  loopDelay: { p99: number; max: number };
  cpuMsPerPost: { gateway: number; communities: number; identity: number; clients: number };
  sqlPerPost: number;
}

export interface CommunitiesBenchResult {
  levels: FeedLevelResult[];
  idle: {
    wanted: number;
    held: number;
    failures: string[];
    /** Resident memory (VmRSS) growth from before they opened, per subscriber, settled: the target's figure. */
    gatewayKbPerSubscriber: number;
    /** The same 3 s after opening. */
    justOpenedKbPerSubscriber: number;
    /** The same for the V8 heap in use and for memory outside it (buffers). */
    heapUsedKbPerSubscriber: number;
    externalKbPerSubscriber: number;
    /** Growth of the heap V8 holds (used or not) from before they opened, per subscriber. */
    heapTotalGrowthKbPerSubscriber: number;
    before: GatewayMemory;
    opened: GatewayMemory;
    after: GatewayMemory;
    closed: GatewayMemory;
  };
  feedPageSql: { fewComments: number; manyComments: number; fewCommentsPerPost: number; manyCommentsPerPost: number };
  feedPageErrors: string[];
}

interface Servers {
  identity: Child<{ url: string; controlUrl: string }>;
  communities: Child<{ url: string; controlUrl: string }>;
  gateway: Child<{ url: string; controlUrl: string }>;
  members: LiveMembers;
  wsUrl: string;
  call: (token: string, query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

export async function communitiesBench(): Promise<CommunitiesBenchResult> {
  const agent = new Agent({ keepAlive: true });
  const open: Subscriber[] = [];
  const started = await startLiveServers(
    { name: "client_portal_bench_communities", embeddedDataDir: ".data/bench-communities-postgres", embeddedPort: 54330 },
    ["identity", "communities"],
  );
  try {
    const { identity, communities } = started.subgraphs as { identity: ServerChild; communities: ServerChild };
    const gateway = started.gateway;

    const members = await control<LiveMembers>(identity.ready.controlUrl, "members", { count: IDLE_SUBSCRIBERS });
    const servers: Servers = {
      identity,
      communities,
      gateway,
      members,
      wsUrl: gateway.ready.url.replace(/^http/, "ws"),
      call: (token, query, variables) => gatewayCall(agent, gateway.ready.url, members.host, token, query, variables),
    };
    await untilCommunitiesKnows(communities.ready.controlUrl, members);
    const groupId = await createGroup(servers, "Live feed", [members.posterContactId, ...members.contactIds]);
    const feed: LiveOperation = {
      operationName: "CommunityFeedChanged",
      query: FEED_SUBSCRIPTION,
      variables: { groupId },
      keyOf: (data) => {
        const event = (data as { communityFeedChanged?: { kind: string; postId: string | null } } | null)?.communityFeedChanged;
        return event?.postId ? { id: event.postId, status: event.kind } : null;
      },
    };

    const levels: FeedLevelResult[] = [];
    // BENCH_COMMUNITIES_ONLY=idle: only the idle-memory part (a quicker comparison of gateway settings).
    for (const count of process.env.BENCH_COMMUNITIES_ONLY === "idle" ? [] : LEVELS) {
      console.log(`  ${count} subscriber(s)…`);
      levels.push(await measureLevel(servers, groupId, feed, count, open));
    }
    console.log(`  ${IDLE_SUBSCRIBERS} idle subscribers…`);
    const idle = await holdIdle(servers, feed);
    console.log("  feed page SQL…");
    const { counts: feedPageSql, errors: feedPageErrors } = await feedPageStatements(servers);
    return { levels, idle, feedPageSql, feedPageErrors };
  } finally {
    await Promise.allSettled(open.map((subscriber) => subscriber.close()));
    agent.destroy();
    await started.stop();
  }
}

async function measureLevel(
  servers: Servers,
  groupId: string,
  feed: LiveOperation,
  count: number,
  open: Subscriber[],
): Promise<FeedLevelResult> {
  const { members, gateway, communities, identity } = servers;
  const { subscribers, failures } = await openSubscribers(servers.wsUrl, members.host, members.tokens.slice(0, count), 100, feed);
  open.push(...subscribers);
  try {
    await sleep(1000);
    // Ready means heard: a subscription exists upstream only once a message can come through it.
    let waiting = subscribers;
    for (let round = 0; round < WARM_UP_ROUNDS && waiting.length; round++) {
      const postId = await post(servers, groupId, `Warm-up ${count}/${round + 1}`);
      waiting = await untilHeard(waiting, `${postId}:POST_CREATED`, WARM_UP_WAIT_MS);
    }
    await sleep(1000);

    const latencies: number[] = [];
    const mutationTimes: number[] = [];
    const loopDelays: Percentiles[] = [];
    const cpu = { gateway: 0, communities: 0, identity: 0, clients: 0 };
    let sql = 0;
    let missing = 0;
    const errorsBefore = subscribers.reduce((sum, subscriber) => sum + subscriber.errors.length, 0);
    for (let i = 0; i < POSTS_PER_LEVEL; i++) {
      await control(gateway.ready.controlUrl, "loop-delay-reset");
      await control(communities.ready.controlUrl, "counters");
      const before = { gateway: cpuMillis(gateway.pid), communities: cpuMillis(communities.pid), identity: cpuMillis(identity.pid) };
      const clientsBefore = process.cpuUsage();
      const started = performance.now();
      const postId = await post(servers, groupId, `Measured ${count}/${i + 1}`);
      mutationTimes.push(performance.now() - started);
      const key = `${postId}:POST_CREATED`;
      await untilHeard(subscribers, key, DELIVERY_TIMEOUT_MS);
      const clients = process.cpuUsage(clientsBefore);
      cpu.clients += (clients.user + clients.system) / 1000;
      cpu.gateway += cpuMillis(gateway.pid) - before.gateway;
      cpu.communities += cpuMillis(communities.pid) - before.communities;
      cpu.identity += cpuMillis(identity.pid) - before.identity;
      loopDelays.push(await control<Percentiles>(gateway.ready.controlUrl, "loop-delay"));
      sql += (await control<{ statements: number }>(communities.ready.controlUrl, "counters")).statements;
      for (const subscriber of subscribers) {
        const at = subscriber.arrivals.get(key);
        if (at === undefined) missing++;
        else latencies.push(at - started);
      }
      await sleep(300);
    }
    const per = (value: number) => value / POSTS_PER_LEVEL;
    return {
      subscribers: count,
      opened: subscribers.length,
      openFailures: failures,
      latency: percentiles(latencies),
      expected: POSTS_PER_LEVEL * count,
      missing,
      errors: subscribers.flatMap((subscriber) => subscriber.errors).slice(errorsBefore),
      mutationMs: percentiles(mutationTimes).p50,
      loopDelay: { p99: Math.max(...loopDelays.map((d) => d.p99)), max: Math.max(...loopDelays.map((d) => d.max)) },
      cpuMsPerPost: {
        gateway: per(cpu.gateway),
        communities: per(cpu.communities),
        identity: per(cpu.identity),
        clients: per(cpu.clients),
      },
      sqlPerPost: per(sql),
    };
  } finally {
    await Promise.allSettled(subscribers.map((subscriber) => subscriber.close()));
    open.splice(0, open.length);
  }
}

/** The gateway process's memory, as its control door reads it (live-gateway-process.ts `memory`), and its VmRSS. */
interface GatewayMemory {
  rssKb: number;
  /** Resident kB by kind of mapping: brk (malloc's main arena), anonymous (V8's heap pages, large mallocs), files. */
  residentKb: Record<string, number>;
  heapUsedKb: number;
  heapTotalKb: number;
  externalKb: number;
}

/**
 * The figures after the gateway was left alone for `idleMs`, as a production gateway is between
 * changes: V8's memory reducer, which runs when a process's allocation slows down, compacts the heap
 * the burst of handshakes grew and gives its pages back. No collection is forced before resident
 * memory is read: forced full collections every few seconds (as this benchmark once did) keep the
 * memory reducer from starting, and the heap from shrinking. A full collection then takes the
 * garbage out of the heap figures.
 */
async function settledMemory(gateway: Servers["gateway"], idleMs: number): Promise<GatewayMemory> {
  await sleep(idleMs);
  const resident = rssKb(gateway.pid);
  await control(gateway.ready.controlUrl, "gc");
  const memory = await control<{ heapUsed: number; heapTotal: number; external: number; residentKb: Record<string, number> }>(
    gateway.ready.controlUrl,
    "memory",
  );
  return {
    rssKb: resident,
    residentKb: memory.residentKb,
    heapUsedKb: memory.heapUsed / 1024,
    heapTotalKb: memory.heapTotal / 1024,
    externalKb: memory.external / 1024,
  };
}

/**
 * 10,000 members' feed pages open and idle on one gateway: how many it holds, and its memory per
 * subscriber: resident memory with them open minus before they opened, each read after full
 * collections with the gateway idle for SETTLE_MS (3 s after opening is printed too). It counts
 * what the subscribers hold (the V8 heap in use says how much) and the heap V8 grew to take the
 * burst of 10,000 handshakes, 200 at a time: the process keeps that memory once they have closed
 * (printed too), and a later burst reuses it.
 */
async function holdIdle(servers: Servers, feed: LiveOperation): Promise<CommunitiesBenchResult["idle"]> {
  const { gateway, members } = servers;
  const before = await settledMemory(gateway, SETTLE_MS);
  const { subscribers, failures } = await openSubscribers(
    servers.wsUrl,
    members.host,
    members.tokens.slice(0, IDLE_SUBSCRIBERS),
    200,
    feed,
  );
  try {
    await sleep(3000);
    const opened = await settledMemory(gateway, 0);
    const after = await settledMemory(gateway, SETTLE_MS);
    const held = subscribers.filter((subscriber) => subscriber.errors.length === 0).length;
    await Promise.allSettled(subscribers.map((subscriber) => subscriber.close()));
    await sleep(2000);
    const closed = await settledMemory(gateway, SETTLE_MS);
    const count = Math.max(1, subscribers.length);
    const per = (key: Exclude<keyof GatewayMemory, "residentKb">, from: GatewayMemory, to: GatewayMemory) => (to[key] - from[key]) / count;
    return {
      wanted: IDLE_SUBSCRIBERS,
      held,
      failures: [...new Set(failures)],
      gatewayKbPerSubscriber: per("rssKb", before, after),
      heapUsedKbPerSubscriber: per("heapUsedKb", before, after),
      externalKbPerSubscriber: per("externalKb", before, after),
      justOpenedKbPerSubscriber: per("rssKb", before, opened),
      heapTotalGrowthKbPerSubscriber: per("heapTotalKb", before, after),
      before,
      opened,
      after,
      closed,
    };
  } finally {
    await Promise.allSettled(subscribers.map((subscriber) => subscriber.close()));
  }
}

/** SQL statements communities runs for one feed page of 10 posts, with 5 and with 50 comments on every post. */
async function feedPageStatements(servers: Servers) {
  const { members, communities } = servers;
  const errors: string[] = [];
  const counts: number[] = [];
  for (const comments of [5, 50]) {
    const groupId = await createGroup(servers, `Feed with ${comments} comments per post`, [members.posterContactId]);
    for (let p = 0; p < 10; p++) {
      const postId = await post(servers, groupId, `Post ${p + 1}`);
      for (let c = 0; c < comments; c++) {
        const answer = await servers.call(
          members.posterToken,
          `mutation ($input: CreateCommunityCommentInput!) { createCommunityComment(input: $input) { __typename ... on UserError { message } } }`,
          { input: { postId, body: `Comment ${c + 1} with a **word** or two` } },
        );
        const result = answer.createCommunityComment as { __typename: string; message?: string };
        if ("message" in result) errors.push(String(result.message));
      }
    }
    let fewest = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      await control(communities.ready.controlUrl, "counters");
      const page = await servers.call(members.posterToken, FEED_PAGE, { groupId }).catch((error: Error) => {
        errors.push(error.message);
        return {} as Record<string, unknown>;
      });
      const edges = (page.communityGroup as { feed: { edges: unknown[] } } | null)?.feed.edges ?? [];
      if (edges.length !== 10) errors.push(`feed page had ${edges.length} posts`);
      fewest = Math.min(fewest, (await control<{ statements: number }>(communities.ready.controlUrl, "counters")).statements);
    }
    counts.push(fewest);
  }
  return {
    counts: { fewComments: counts[0]!, manyComments: counts[1]!, fewCommentsPerPost: 5, manyCommentsPerPost: 50 },
    errors: [...new Set(errors)],
  };
}

export function printCommunitiesBench(result: CommunitiesBenchResult): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `Communities feed: communityFeedChanged over graphql-ws → gateway → communities, signed-in members of one group; one post made ${POSTS_PER_LEVEL}× per level by a member through the gateway, time from sending it to each subscriber's message`,
  );
  for (const level of result.levels) {
    const { latency, loopDelay, cpuMsPerPost: cpu } = level;
    console.log(
      `  ${String(level.subscribers).padStart(4)} subscribers: p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}, missing ${level.missing} of ${level.expected}, errors ${level.errors.length}; gateway event-loop delay p99 ${ms(loopDelay.p99)}, max ${ms(loopDelay.max)}`,
    );
    console.log(
      `        per post: CPU gateway ${cpu.gateway.toFixed(0)} ms, communities ${cpu.communities.toFixed(0)} ms, identity ${cpu.identity.toFixed(0)} ms, clients ${cpu.clients.toFixed(0)} ms; SQL statements in communities ${level.sqlPerPost.toFixed(0)}; createCommunityPost answered in ${ms(level.mutationMs)}`,
    );
    for (const failure of [...new Set(level.openFailures)].slice(0, 3)) console.log(`        could not open: ${failure}`);
    for (const error of [...new Set(level.errors)].slice(0, 3)) console.log(`        error: ${error}`);
  }
  const one = result.levels.find((level) => level.subscribers === 1);
  const many = result.levels.find((level) => level.subscribers === 1000);
  if (one && many)
    console.log(
      `  1,000 / 1 subscriber: p50 ${(many.latency.p50 / one.latency.p50).toFixed(1)}×, p99 ${(many.latency.p99 / one.latency.p99).toFixed(1)}×`,
    );
  const { idle, feedPageSql: sql } = result;
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  const kb = (value: number) => `${value.toFixed(1)} kB`;
  console.log(
    `  ${idle.wanted} idle feed subscriptions on one gateway: ${idle.held} held; gateway memory ${kb(idle.gatewayKbPerSubscriber)} per subscriber (resident, idle ${SETTLE_MS / 1000} s before and after; ${kb(idle.justOpenedKbPerSubscriber)} 3 s after opening)`,
  );
  console.log(
    `        per subscriber: V8 heap in use ${kb(idle.heapUsedKbPerSubscriber)}, outside the heap ${kb(idle.externalKbPerSubscriber)}; heap V8 holds (used or not) grew ${kb(idle.heapTotalGrowthKbPerSubscriber)}`,
  );
  const stage = (label: string, pick: (memory: GatewayMemory) => number) =>
    `${label} ${[idle.before, idle.opened, idle.after, idle.closed].map((memory) => mb(pick(memory))).join(" → ")}`;
  console.log(
    `        gateway before → 3 s after opening → settled → closed: ${[
      stage("resident", (memory) => memory.rssKb),
      stage("of it malloc's main arena", (memory) => memory.residentKb.brk ?? 0),
      stage("other anonymous (V8 heap pages…)", (memory) => memory.residentKb.anonymous ?? 0),
      stage("heap used", (memory) => memory.heapUsedKb),
      stage("heap held", (memory) => memory.heapTotalKb),
    ].join("; ")}`,
  );
  for (const failure of idle.failures.slice(0, 3)) console.log(`        could not open: ${failure}`);
  console.log(
    `  SQL statements per feed page (10 posts, 3 comments shown each): ${sql.fewComments} with ${sql.fewCommentsPerPost} comments per post, ${sql.manyComments} with ${sql.manyCommentsPerPost}`,
  );
  for (const error of result.feedPageErrors.slice(0, 3)) console.log(`        error: ${error}`);
  const line = (label: string, value: string, met: boolean) =>
    console.log(`  ${label.padEnd(52)}${value.padStart(14)}  ${met ? "met" : "NOT met"}`);
  console.log("Targets:");
  if (many)
    line("1,000 subscribers p99 ≤ 100 ms, none missing", ms(many.latency.p99), many.missing === 0 && many.latency.p99 <= TARGET_P99_MS);
  line("10,000 idle subscriptions held", `${idle.held}`, idle.held === idle.wanted);
  line(
    `gateway memory per idle subscriber < ${TARGET_IDLE_KB} kB`,
    `${idle.gatewayKbPerSubscriber.toFixed(1)} kB`,
    idle.gatewayKbPerSubscriber < TARGET_IDLE_KB,
  );
  line("feed page SQL the same for 5 and 50 comments", `${sql.fewComments} and ${sql.manyComments}`, sql.fewComments === sql.manyComments);
}

async function createGroup(servers: Servers, name: string, contactIds: string[]): Promise<string> {
  const created = await servers.call(
    servers.members.ownerToken,
    `mutation ($input: CommunityGroupInput!) { createCommunityGroup(input: $input) { __typename ... on CommunityGroupSuccess { group { id } } ... on UserError { message } } }`,
    { input: { name, description: "Benchmark group", private: true } },
  );
  const group = (created.createCommunityGroup as { group?: { id: string } }).group;
  if (!group) throw new Error(`createCommunityGroup answered ${JSON.stringify(created)}`);
  await control(servers.communities.ready.controlUrl, "members", { businessId: servers.members.businessId, groupId: group.id, contactIds });
  return group.id;
}

async function post(servers: Servers, groupId: string, title: string): Promise<string> {
  const answer = await servers.call(
    servers.members.posterToken,
    `mutation ($input: CreateCommunityPostInput!) { createCommunityPost(input: $input) { __typename ... on CommunityPostSuccess { post { id } } ... on UserError { message } } }`,
    { input: { groupId, title, body: `${title}: a *short* post for the benchmark.` } },
  );
  const created = (answer.createCommunityPost as { post?: { id: string } }).post;
  if (!created) throw new Error(`createCommunityPost answered ${JSON.stringify(answer)}`);
  return created.id;
}

/** Communities hears of identity's contacts through events; the poster must be known to post. */
async function untilCommunitiesKnows(communitiesControl: string, members: LiveMembers): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const known = await control<{ contactIds: string[] }>(communitiesControl, "known", { businessId: members.businessId });
    if (known.contactIds.includes(members.posterContactId)) return;
    if (Date.now() > deadline) throw new Error("communities does not know the poster after 2 minutes");
    await sleep(250);
  }
}
