import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import pg from "pg";
import {
  callSubgraph,
  makeCaller,
  runSubgraph,
  seal,
  testRuntime,
  TEST_SECRET,
  deliverEvent,
  type Caller,
  type DomainEvent,
  type RunningSubgraphProcess,
  type RuntimeConfig,
} from "@portal/kit";
import type { EventContract, identity, PayloadInputOf, PayloadOf } from "@portal/contracts";
import { createAutomationSubgraph, type AutomationOptions } from "../src/index.js";

export const FROM_ADDRESS = "Client Portal <portal@example.test>";

/**
 * A database of this test file's own. pg-boss queues are shared by every process on a database,
 * so another file's automation instance (with another mail transport) would otherwise take our events.
 */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `automation_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export async function startAutomation(
  databaseUrl: string,
  options: Partial<AutomationOptions> = {},
  runtime: Pick<RuntimeConfig, "eventRetry"> = {},
): Promise<RunningSubgraphProcess> {
  const definition = createAutomationSubgraph({
    portalSecret: TEST_SECRET,
    production: false,
    mail: { fromAddress: FROM_ADDRESS },
    retry: { limit: 2, delaySeconds: 1 },
    ...options,
  });
  return runSubgraph(definition, { ...testRuntime(databaseUrl), production: options.production ?? false, ...runtime });
}

export interface TestBusiness {
  id: string;
  slug: string;
  name: string;
  displayName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string;
}

export function newBusiness(overrides: Partial<TestBusiness> = {}): TestBusiness {
  const slug = `biz-${randomUUID().slice(0, 8)}`;
  return {
    id: randomUUID(),
    slug,
    name: "Acme Studio Ltd",
    displayName: "Acme Studio",
    logoUrl: `https://cdn.example.test/${slug}/logo.png`,
    primaryColor: "#123abc",
    accentColor: "#f5a623",
    portalUrl: `https://${slug}.portal.test`,
    ...overrides,
  };
}

export function newRecipient(overrides: Partial<{ email: string; name: string; firstName: string; dnd: boolean }> = {}) {
  const id = randomUUID().slice(0, 8);
  return { email: `ada-${id}@client.test`, name: "Ada Lovelace", firstName: "Ada", dnd: false, ...overrides };
}

/** Publishes an event the way kit's relayOutbox does for its producer; the payload must match the contract. */
export function publish<C extends EventContract>(
  running: RunningSubgraphProcess,
  contract: C,
  business: TestBusiness | null,
  payload: PayloadInputOf<C>,
  eventId: string = randomUUID(),
): Promise<DomainEvent<PayloadOf<C>>> {
  return deliverEvent(running.boss, contract, business?.id ?? null, payload, { eventId });
}

/** What every one-time-link email event carries: to whom, and the sealed link. */
export function linkFields(recipient: ReturnType<typeof newRecipient>, link: string, minutes = 15) {
  return { recipient, sealedLink: seal(TEST_SECRET, link), expiresAt: new Date(Date.now() + minutes * 60_000).toISOString() };
}

/** The payload identity writes for invitations (with `audience`, also a client's sign-in or email-change link). */
export function linkPayload(
  business: TestBusiness,
  recipient: ReturnType<typeof newRecipient>,
  link: string,
  minutes = 15,
): PayloadInputOf<typeof identity.contactInvited> {
  return { contactId: randomUUID(), business, ...linkFields(recipient, link, minutes) };
}

export const staffOf = (business: TestBusiness): Caller =>
  makeCaller({ businessId: business.id, actor: { kind: "staff", id: randomUUID(), role: "owner" } });

export async function gql<D = any>(
  running: RunningSubgraphProcess,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return callSubgraph<D>(running.url, caller, query, variables);
}

/** Polls until `check` returns a value (not undefined/null/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export const EMAIL_LOG_QUERY = `query Log($status: EmailStatus, $search: String) {
  emailLog(first: 50, status: $status, search: $search) {
    totalCount
    edges { node { id recipient template subject status reason attempts createdAt sentAt } }
  }
}`;

export async function logEntriesFor(running: RunningSubgraphProcess, business: TestBusiness, search?: string) {
  const response = await gql(running, staffOf(business), EMAIL_LOG_QUERY, { search });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.emailLog.edges.map((edge: { node: any }) => edge.node) as any[];
}

/** A local server speaking Postmark's email API, so the real SDK can be exercised end to end. */
export interface PostmarkRequest {
  headers: IncomingHttpHeaders;
  path: string;
  body: Record<string, any>;
}

export interface FakePostmark {
  url: string;
  token: string;
  requests: PostmarkRequest[];
  /** Scripted answers for one recipient, used in order; afterwards every send succeeds. */
  script(to: string, responses: { status: number; ErrorCode: number; Message: string }[]): void;
  close(): Promise<void>;
}

export async function startFakePostmark(token = "server-token-test"): Promise<FakePostmark> {
  const requests: PostmarkRequest[] = [];
  const scripts = new Map<string, { status: number; ErrorCode: number; Message: string }[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== "/email") return reply(404, { ErrorCode: 404, Message: "Not found" });
      if (req.headers["x-postmark-server-token"] !== token)
        return reply(401, { ErrorCode: 10, Message: "Request does not contain a valid Server token." });
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      requests.push({ headers: req.headers, path: req.url, body });
      const scripted = scripts.get(body.To)?.shift();
      if (scripted) return reply(scripted.status, { ErrorCode: scripted.ErrorCode, Message: scripted.Message });
      reply(200, { To: body.To, SubmittedAt: new Date().toISOString(), MessageID: randomUUID(), ErrorCode: 0, Message: "OK" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    script: (to, responses) => scripts.set(to, [...responses]),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
