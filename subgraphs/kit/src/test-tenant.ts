import { randomUUID } from "node:crypto";
import type { Caller } from "./caller.js";
import { forkFor } from "./db.js";
import { saveBusinessSnapshot, saveContactSnapshot, saveStaffSnapshot } from "./identity-projection/snapshot-store.js";
import type { RunningSubgraphProcess } from "./runtime.js";
import { callSubgraph, makeCaller, signedFetch } from "./testing.js";

/** Callers of one business, for subgraph tests. */
export const staffIn = (businessId: string, staffId: string = randomUUID()): Caller =>
  makeCaller({ businessId, actor: { kind: "staff", id: staffId, role: "owner" } });
export const contactIn = (businessId: string, contactId: string): Caller =>
  makeCaller({ businessId, actor: { kind: "contact", id: contactId } });
export const apiKeyIn = (businessId: string, scopes: string[]): Caller =>
  makeCaller({ businessId, actor: { kind: "apiKey", id: randomUUID(), scopes } });
export const anonymousIn = (businessId: string | null): Caller => makeCaller({ businessId, actor: { kind: "anonymous", id: null } });

export interface TestPerson {
  id: string;
  name: string;
  email: string;
  caller: Caller;
}

/** A business as a subgraph knows it from identity's events: its portal URL, an owner and contacts. */
export interface TestTenant {
  businessId: string;
  portalUrl: string;
  owner: TestPerson;
  contacts: TestPerson[];
}

const NAMES = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra"];

export interface TestTenantOptions {
  contactCount: number;
  /** Name of the contacts past the four famous ones: `<fallbackName> <n> Person`. */
  fallbackName: string;
  /** Which contacts have Do Not Disturb on, by index. */
  dnd?: (index: number) => boolean;
}

/**
 * A new business in a subgraph's identity projection, recorded through the same upserts identity's
 * events go through (no identity process needed).
 */
export async function newTestTenant(subgraph: RunningSubgraphProcess, options: TestTenantOptions): Promise<TestTenant> {
  const businessId = randomUUID();
  const slug = businessId.slice(0, 8);
  const portalUrl = `https://${slug}.portal.test`;
  const ownerId = randomUUID();
  const owner: TestPerson = {
    id: ownerId,
    name: "Olivia Owner",
    email: `olivia-${slug}@example.test`,
    caller: staffIn(businessId, ownerId),
  };
  const contacts: TestPerson[] = Array.from({ length: options.contactCount }, (_, index) => {
    const id = randomUUID();
    const name = NAMES[index] ?? `${options.fallbackName} ${index + 1} Person`;
    return { id, name, email: `${name.split(" ")[0]!.toLowerCase()}${index}-${slug}@example.test`, caller: contactIn(businessId, id) };
  });
  const at = new Date().toISOString();
  await forkFor(subgraph.orm, businessId).transactional(async (em) => {
    const brand = { logoUrl: null, primaryColor: "#2563eb", accentColor: "#f59e0b" };
    await saveBusinessSnapshot(em, { id: businessId, slug, name: `Biz ${slug}`, displayName: `Biz ${slug}`, ...brand, portalUrl }, at);
    await saveStaffSnapshot(em, businessId, { id: owner.id, name: owner.name, email: owner.email, role: "OWNER", removed: false }, at);
    for (const [index, contact] of contacts.entries()) {
      const firstName = contact.name.split(" ")[0]!;
      const dnd = options.dnd?.(index) ?? false;
      await saveContactSnapshot(
        em,
        businessId,
        { id: contact.id, name: contact.name, firstName, email: contact.email, dnd, accessStatus: "NONE" },
        at,
      );
    }
  });
  return { businessId, portalUrl, owner, contacts };
}

/** An operation's data; throws with the GraphQL errors so a failing test shows what went wrong. */
export async function dataOf<D = any>(
  subgraph: RunningSubgraphProcess,
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<D> {
  const response = await callSubgraph<D>(subgraph.url, caller, query, variables);
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as D;
}

/** A file endpoint called as the gateway relays `/files/<subgraph>/<path>` (to the subgraph's `/files/<path>`), signed for `caller`. */
export function fileRequest(
  subgraph: RunningSubgraphProcess,
  caller: Caller,
  path: string,
  init: { method?: string; body?: Uint8Array; headers?: Record<string, string> } = {},
) {
  return signedFetch(`${subgraph.url.replace(/\/graphql$/, "")}/files/${path}`, caller, {
    method: init.method ?? "GET",
    headers: init.headers ?? {},
    body: init.body ? Buffer.from(init.body) : undefined,
  });
}
