import { randomUUID } from "node:crypto";
import {
  callSubgraph,
  forkFor,
  makeCaller,
  runSubgraph,
  signBody,
  sql,
  TEST_SECRET,
  testRuntime,
  unseal,
  type Actor,
  type Caller,
  type RunningSubgraphProcess,
} from "@portal/kit";
import { inject } from "vitest";
import { SIGN_IN_LINK_QUEUE } from "../src/auth/sign-in-link.queue.js";
import { createIdentitySubgraph, type IdentityOptions } from "../src/index.js";

export function identityOptions(overrides: Partial<IdentityOptions> = {}): IdentityOptions {
  return {
    portalSecret: TEST_SECRET,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: 30,
    production: false,
    ...overrides,
  };
}

export function startIdentity(overrides: Partial<IdentityOptions> = {}): Promise<RunningSubgraphProcess> {
  return runSubgraph(createIdentitySubgraph(identityOptions(overrides)), testRuntime(inject("databaseUrl" as never) as string));
}

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
/** A fresh IP per test keeps the shared per-IP sign-in counter out of other tests' way. */
export const randomIp = () => `10.${rand()}.${rand()}.${rand()}`;
const rand = () => Math.floor(Math.random() * 254) + 1;

export const operator = (): Caller => makeCaller({ actor: { kind: "operator", id: randomUUID() } });
export const anonymousIn = (businessId: string | null, ip = randomIp()): Caller =>
  makeCaller({ businessId, actor: { kind: "anonymous", id: null }, ip });
export const staffIn = (businessId: string, staffId: string, extra: Partial<Actor> = {}): Caller =>
  makeCaller({ businessId, actor: { kind: "staff", id: staffId, role: "owner", ...extra } });
export const contactIn = (businessId: string, contactId: string, sessionId?: string): Caller =>
  makeCaller({ businessId, actor: { kind: "contact", id: contactId, sessionId } });
export const apiKeyIn = (businessId: string, apiKeyId: string, scopes: string[]): Caller =>
  makeCaller({ businessId, actor: { kind: "apiKey", id: apiKeyId, scopes } });

/** Throws with the GraphQL errors so a failing test shows what went wrong. */
export async function gql<D = any>(
  identity: RunningSubgraphProcess,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await callSubgraph<D>(identity.url, caller, query, variables);
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return { data: response.data as D, headers: response.headers };
}

export interface Tenant {
  businessId: string;
  slug: string;
  ownerId: string;
  staff: Caller;
}

/** A new business with its owner, made through the operator API like in production. */
export async function createTenant(identity: RunningSubgraphProcess, label = "biz"): Promise<Tenant> {
  const slug = unique(label);
  const { data } = await gql(
    identity,
    operator(),
    `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { __typename ... on BusinessSuccess { business { id slug } } ... on UserError { message } } }`,
    {
      input: { name: `Business ${slug}`, slug, ownerName: "Owner Person", ownerEmail: `owner@${slug}.test` },
    },
  );
  const businessId = data.createBusiness.business.id as string;
  const [owner] = await sql<{ id: string }>(forkFor(identity.orm, null), `select id from identity.staff where business_id = ?`, [
    businessId,
  ]);
  return { businessId, slug, ownerId: owner!.id, staff: staffIn(businessId, owner!.id) };
}

export async function createContact(
  identity: RunningSubgraphProcess,
  tenant: Tenant,
  fields: { name?: string; email?: string; phone?: string; dnd?: boolean } = {},
) {
  const input = {
    name: fields.name ?? "Casey Client",
    email: fields.email ?? `${unique("casey")}@client.test`,
    phone: fields.phone ?? null,
    dnd: fields.dnd ?? false,
  };
  const { data } = await gql(
    identity,
    tenant.staff,
    `mutation($input: ContactInput!) { createContact(input: $input) { __typename ... on ContactSuccess { contact { id email } } ... on UserError { message } } }`,
    { input },
  );
  if (data.createContact.__typename !== "ContactSuccess") throw new Error(data.createContact.message);
  return data.createContact.contact as { id: string; email: string };
}

export async function invite(identity: RunningSubgraphProcess, tenant: Tenant, contactId: string) {
  const { data } = await gql(
    identity,
    tenant.staff,
    `mutation($id: ID!) { sendInvitation(contactId: $id) { __typename ... on InvitationSuccess { contact { access { status invitedAt } } } } }`,
    { id: contactId },
  );
  return data.sendInvitation;
}

export interface OutboxRow {
  id: string;
  type: string;
  business_id: string | null;
  payload: Record<string, any>;
}

export function outboxEvents(identity: RunningSubgraphProcess, type: string, where: { key: string; value: string }): Promise<OutboxRow[]> {
  return sql<OutboxRow>(
    forkFor(identity.orm, null),
    `select id, type, business_id, payload from identity.outbox_event where type = ? and payload->>? = ? order by created_at`,
    [type, where.key, where.value],
  );
}

/** The raw link token, recovered the way the mail sender does: unsealing the event's link. */
export function tokenFrom(event: OutboxRow): string {
  const url = new URL(unseal(TEST_SECRET, event.payload.sealedLink as string));
  return url.searchParams.get("token")!;
}

/** Waits until `count` events of `type` match, and returns them (oldest first). */
export function eventsEventually(
  identity: RunningSubgraphProcess,
  type: string,
  where: { key: string; value: string },
  count = 1,
): Promise<OutboxRow[]> {
  return eventually(async () => {
    const events = await outboxEvents(identity, type, where);
    return events.length >= count && events;
  }, `${count} ${type} event(s) for ${where.key}=${where.value}`);
}

export interface SignInJob {
  id: string;
  state: string;
  data: Record<string, unknown>;
}

/** The queued sign-in requests for `email` (as the request normalizes it), oldest first. */
export function signInJobs(identity: RunningSubgraphProcess, email: string): Promise<SignInJob[]> {
  return sql<SignInJob>(
    forkFor(identity.orm, null),
    `select id, state::text as state, data from pgboss.job where name = ? and data->>'email' = ? order by created_on, id`,
    [SIGN_IN_LINK_QUEUE, email.trim().toLowerCase()],
  );
}

/** Waits until `count` sign-in jobs for `email` were queued and every one of them has been handled. */
export function signInJobsDone(identity: RunningSubgraphProcess, email: string, count: number): Promise<SignInJob[]> {
  return eventually(async () => {
    const jobs = await signInJobs(identity, email);
    return jobs.length === count && jobs.every((job) => job.state === "completed") && jobs;
  }, `${count} handled sign-in job(s) for ${email}`);
}

export async function latestToken(identity: RunningSubgraphProcess, type: string, key: string, value: string): Promise<string> {
  const events = await outboxEvents(identity, type, { key, value });
  if (!events.length) throw new Error(`No ${type} event for ${key}=${value}`);
  return tokenFrom(events[events.length - 1]!);
}

export const CONFIRM = `mutation($token: String!) { confirmSignIn(input: { token: $token }) { __typename ... on SignInSuccess { viewer { kind contact { id access { status lastLoginAt } } staff { id } operator { id } } } ... on UserError { message } } }`;
export const REQUEST = `mutation($email: String!, $audience: SignInAudience) { requestSignIn(input: { email: $email, audience: $audience }) { __typename ... on RequestSignInSuccess { message } ... on RateLimitedError { message retryAfterSeconds } ... on ValidationError { field message } } }`;

/** Invites a contact and signs them in; returns the session cookie value the gateway would keep. */
export async function signInContact(identity: RunningSubgraphProcess, tenant: Tenant, contactId: string) {
  await invite(identity, tenant, contactId);
  const token = await latestToken(identity, "identity.contact.invited", "contactId", contactId);
  const { data, headers } = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
  if (data.confirmSignIn.__typename !== "SignInSuccess") throw new Error(data.confirmSignIn.message);
  const sessionToken = headers.get("x-portal-set-session")!.split(";")[0]!;
  return { sessionToken };
}

/** The gateway's call: signed JSON to `/internal/authenticate`. */
export async function authenticate(identity: RunningSubgraphProcess, body: Record<string, unknown>) {
  const json = JSON.stringify(body);
  const response = await fetch(identity.url.replace("/graphql", "/internal/authenticate"), {
    method: "POST",
    headers: { "content-type": "application/json", ...signBody(TEST_SECRET, json) },
    body: json,
  });
  if (response.status !== 200) throw new Error(`authenticate answered ${response.status}`);
  return (await response.json()) as { business: { id: string; slug: string } | null; actor: Actor; sessionValid: boolean };
}

/** Long enough for a consumer to have handled an event, when the test expects nothing to happen. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

export async function eventually<T>(check: () => Promise<T | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
