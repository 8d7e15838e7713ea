import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, safeEqual, sha256, sql, type Actor, type EntityManager } from "@portal/kit";
import { z } from "zod";
import { parseApiKey } from "../api-keys/api-key-format.js";

/** Body of `POST /internal/authenticate`, sent by the gateway (which caches the answer briefly). */
export const AuthenticateRequest = z.object({
  host: z.string().max(300),
  sessionToken: z.string().max(200).optional().nullable(),
  apiKey: z.string().max(300).optional().nullable(),
  defaultBusinessSlug: z.string().max(100).optional().nullable(),
});
export type AuthenticateRequest = z.infer<typeof AuthenticateRequest>;

export interface AuthenticateResponse {
  business: { id: string; slug: string } | null;
  actor: Actor;
  sessionValid: boolean;
}

const ANONYMOUS: Actor = { kind: "anonymous", id: null };
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
/** Bookkeeping writes (last seen / last used) happen at most this often per credential. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves the request's business and caller. This reads across tenants by design: the credential
 * or host name is what tells us the tenant, so it uses raw SQL on an unscoped fork, only here.
 */
export async function authenticate(orm: MikroORM, request: AuthenticateRequest, fallbackSlug?: string): Promise<AuthenticateResponse> {
  const em = forkFor(orm, null);
  if (request.apiKey) return authenticateApiKey(em, request.apiKey);
  const business = await businessForHost(em, request.host, request.defaultBusinessSlug ?? fallbackSlug);
  if (!request.sessionToken) return { business, actor: ANONYMOUS, sessionValid: false };
  const actor = await actorForSession(em, request.sessionToken, business?.id ?? null);
  return { business, actor: actor ?? ANONYMOUS, sessionValid: actor !== null };
}

/** Host names of a business first, then `<slug>.localhost`, then the default business on localhost. */
export async function businessForHost(
  em: EntityManager,
  rawHost: string,
  defaultSlug?: string | null,
): Promise<{ id: string; slug: string } | null> {
  const host = hostWithoutPort(rawHost);
  const [byHost] = await sql<{ id: string; slug: string }>(
    em,
    `select b.id, b.slug from "identity"."business_host_name" h join "identity"."business" b on b.id = h.business_id where h.host_name = ?`,
    [host],
  );
  if (byHost) return byHost;
  const slug = host.endsWith(".localhost") ? host.slice(0, -".localhost".length) : LOCAL_HOSTS.has(host) ? defaultSlug : null;
  if (!slug) return null;
  const [bySlug] = await sql<{ id: string; slug: string }>(em, `select id, slug from "identity"."business" where slug = ?`, [slug]);
  return bySlug ?? null;
}

function hostWithoutPort(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(0, lower.indexOf("]") + 1);
  return lower.split(":")[0] ?? "";
}

interface SessionRow {
  id: string;
  actor_kind: "contact" | "staff" | "operator";
  actor_id: string;
  business_id: string | null;
  last_seen_at: Date;
  role: "owner" | "staff" | null;
}

/**
 * A session counts when it is open, unexpired, its person still exists (and, for a contact, still has
 * access), and it belongs to the business of this host (operators: any host).
 */
async function actorForSession(em: EntityManager, token: string, businessId: string | null): Promise<Actor | null> {
  const [row] = await sql<SessionRow>(
    em,
    `select s.id, s.actor_kind, s.actor_id, s.business_id, s.last_seen_at, st.role
       from "identity"."session" s
       left join "identity"."contact" c on s.actor_kind = 'contact' and c.id = s.actor_id
       left join "identity"."staff" st on s.actor_kind = 'staff' and st.id = s.actor_id
       left join "identity"."operator" o on s.actor_kind = 'operator' and o.id = s.actor_id
      where s.token_hash = ? and s.ended_at is null and s.expires_at > now()
        and (c.access_status = 'active' or st.id is not null or o.id is not null)`,
    [sha256(token)],
  );
  if (!row) return null;
  if (row.actor_kind !== "operator" && row.business_id !== businessId) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await sql(em, `update "identity"."session" set last_seen_at = now() where id = ?`, [row.id]);
  }
  return { kind: row.actor_kind, id: row.actor_id, sessionId: row.id, ...(row.role ? { role: row.role } : {}) };
}

interface ApiKeyRow {
  id: string;
  secret_hash: string;
  scopes: string[];
  business_id: string;
  slug: string;
  last_used_at: Date | null;
}

/** An API key selects its own business whatever the host; a wrong or revoked key is anonymous. */
async function authenticateApiKey(em: EntityManager, apiKey: string): Promise<AuthenticateResponse> {
  const parsed = parseApiKey(apiKey);
  const none: AuthenticateResponse = { business: null, actor: ANONYMOUS, sessionValid: false };
  if (!parsed) return none;
  const [row] = await sql<ApiKeyRow>(
    em,
    `select k.id, k.secret_hash, k.scopes, k.business_id, b.slug, k.last_used_at
       from "identity"."api_key" k join "identity"."business" b on b.id = k.business_id
      where k.prefix = ? and k.revoked_at is null`,
    [parsed.prefix],
  );
  if (!row || !safeEqual(row.secret_hash, sha256(parsed.secret))) return none;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS) {
    await sql(em, `update "identity"."api_key" set last_used_at = now() where id = ?`, [row.id]);
  }
  return {
    business: { id: row.business_id, slug: row.slug },
    actor: { kind: "apiKey", id: row.id, scopes: row.scopes },
    sessionValid: false,
  };
}
