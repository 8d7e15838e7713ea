import { readFileSync, statSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Authenticator } from "./authenticator.js";
import type { RequestFacts } from "./request-facts.js";

/**
 * Trusted documents: the web app's operations are extracted at build time (codegen writes
 * web/src/gql/persisted-documents.json, the sha256 of each operation's text → the text) and the app
 * sends only the hash, as Apollo's persisted queries do: `extensions.persistedQuery.sha256Hash`
 * with no `query`. The gateway resolves a hash to its text once, where the request is read (HTTP
 * body, WebSocket subscribe message), so every path after that (direct paths, runtime, live relay)
 * sees an ordinary query. A hash it does not know is answered `PERSISTED_QUERY_NOT_FOUND`.
 *
 * With `only` (production, when the gateway serves the web app), browsers — a session cookie, or no
 * credentials at all (sign-in page, public order pages) — may run nothing but those documents; a
 * request authenticated by an API key may send any operation (the operation limits still apply).
 */
export const PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
export const PERSISTED_QUERY_ONLY = "PERSISTED_QUERY_ONLY";

/** The web app's manifest, relative to the working directory (as SUPERGRAPH_PATH's default is). */
export const DEFAULT_TRUSTED_DOCUMENTS_PATH = "web/src/gql/persisted-documents.json";

export interface TrustedDocumentsOptions {
  /** The manifest (hash → text) or its path. A missing file is an empty manifest unless `only`. */
  manifest: string | Record<string, string>;
  /** Browsers may run only the manifest's documents. */
  only: boolean;
  /** Read the manifest file again when a hash is not in it (development: codegen may have run since). */
  reload: boolean;
  authenticator: Authenticator;
}

export interface Refusal {
  status: number;
  errors: { message: string; extensions: { code: string } }[];
}

const NOT_FOUND: Refusal = {
  status: 400,
  errors: [{ message: "PersistedQueryNotFound", extensions: { code: PERSISTED_QUERY_NOT_FOUND } }],
};
const ONLY: Refusal = {
  status: 400,
  errors: [
    {
      message: "This endpoint runs only the portal's own operations for browsers; send other operations with an API key.",
      extensions: { code: PERSISTED_QUERY_ONLY },
    },
  ],
};

/** What a request's operation looks like before it is resolved: a JSON body or a subscribe payload. */
export interface OperationPayload {
  query?: unknown;
  extensions?: unknown;
}

/** "resolved": the payload's query was filled in from its hash (and the hash removed); "as-sent": nothing to do. */
export type Admission = "resolved" | "as-sent" | Refusal;

export function createTrustedDocuments(options: TrustedDocumentsOptions) {
  const path = typeof options.manifest === "string" ? options.manifest : null;
  let loadedAt = 0;
  let byHash = new Map<string, string>();
  let texts = new Set<string>();

  function load(): void {
    const manifest = path === null ? options.manifest : readManifest(path, options.only);
    byHash = new Map(Object.entries(manifest as Record<string, string>));
    texts = new Set(byHash.values());
  }
  load();
  if (path !== null) loadedAt = modifiedAt(path);

  function lookup(hash: string): string | undefined {
    const text = byHash.get(hash);
    if (text !== undefined || !options.reload || path === null) return text;
    const modified = modifiedAt(path);
    if (modified === loadedAt) return undefined;
    loadedAt = modified;
    load();
    return byHash.get(hash);
  }

  /** A document not in the manifest: refused for a browser (no API key: no identity call needed), else for what identity says is no API key. */
  function anythingFor(facts: RequestFacts, admitted: Admission): Admission | Promise<Admission> {
    if (!facts.credentials.apiKey) return ONLY;
    return options.authenticator.authenticate(facts.credentials).then((auth) => (auth.actor.kind === "apiKey" ? admitted : ONLY));
  }

  /**
   * Resolves the payload's hash in place (query set, `persistedQuery` removed from its extensions),
   * then checks the caller may run its text. `payload` null: a body the gateway cannot read (not
   * JSON); only callers who may run anything get past `only` with one. Synchronous unless identity
   * must say whether an API key is one (no extra turn of the event loop per request).
   */
  function admit(payload: OperationPayload | null, facts: RequestFacts): Admission | Promise<Admission> {
    const sentText = typeof payload?.query === "string";
    const resolved = payload ? resolveHashOf(payload) : "as-sent";
    if (resolved === "not-found") return NOT_FOUND;
    // A hash alone ran as the manifest's text; a hash sent with its text (an Apollo client
    // registering it) runs that text, which `only` checks as any other.
    if (resolved === "resolved" && !sentText) return "resolved";
    if (!options.only) return resolved;
    const query = payload?.query;
    if (typeof query === "string" && texts.has(query)) return resolved;
    return anythingFor(facts, resolved);
  }

  /** Resolves a payload's hash in place (its text, when it came with one, is what runs). */
  function resolveHashOf(payload: OperationPayload): "resolved" | "as-sent" | "not-found" {
    const hash = persistedHash(payload);
    if (hash === undefined) return "as-sent";
    if (typeof payload.query !== "string") {
      const text = typeof hash === "string" ? lookup(hash) : undefined;
      if (text === undefined) return "not-found";
      payload.query = text;
    }
    removePersistedQuery(payload);
    return "resolved";
  }

  return {
    admit,
    /**
     * A GET /graphql: a hash in its `extensions` parameter (Apollo's persisted-query GET) becomes a
     * `query` parameter, as a POST's does; then, with `only`, its query must be one of the web app's
     * documents unless an API key sends it. Answers the URL to run, or the refusal.
     */
    async admitQueryString(url: string, facts: RequestFacts): Promise<{ url: string } | Refusal> {
      const mark = url.indexOf("?");
      const params = new URLSearchParams(mark < 0 ? "" : url.slice(mark + 1));
      const extensions = params.get("extensions");
      if (extensions !== null) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(extensions);
        } catch {
          parsed = undefined; // the runtime answers a malformed parameter
        }
        const payload: OperationPayload = { query: params.get("query") ?? undefined, extensions: parsed };
        if (parsed && typeof parsed === "object" && persistedHash(payload) !== undefined) {
          const resolved = resolveHashOf(payload);
          if (resolved === "not-found") return NOT_FOUND;
          params.set("query", payload.query as string);
          if (payload.extensions === undefined) params.delete("extensions");
          else params.set("extensions", JSON.stringify(payload.extensions));
          url = `${mark < 0 ? url : url.slice(0, mark)}?${params}`;
        }
      }
      if (!options.only) return { url };
      const query = params.get("query");
      if (query === null || texts.has(query)) return { url };
      const admission = await anythingFor(facts, "as-sent");
      return typeof admission === "object" ? admission : { url };
    },
    /** For a subscribe message over WebSocket, whose caller is known: may it run this text? */
    admitsText(query: unknown, actorKind: string): boolean {
      return !options.only || actorKind === "apiKey" || (typeof query === "string" && texts.has(query));
    },
    /** Resolves a subscribe payload's hash in place: false for an unknown one. */
    resolveHash: resolveHashOf,
    notFound: NOT_FOUND,
    refused: ONLY,
  };
}

export type TrustedDocuments = ReturnType<typeof createTrustedDocuments>;

/** `extensions.persistedQuery.sha256Hash` (undefined: none sent; null: a persistedQuery without a usable hash). */
function persistedHash(payload: OperationPayload): string | null | undefined {
  const extensions = payload.extensions;
  if (!extensions || typeof extensions !== "object") return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === undefined) return undefined;
  const hash = persisted && typeof persisted === "object" ? (persisted as { sha256Hash?: unknown }).sha256Hash : undefined;
  return typeof hash === "string" ? hash : null;
}

function removePersistedQuery(payload: OperationPayload): void {
  const { persistedQuery: _, ...rest } = payload.extensions as Record<string, unknown>;
  payload.extensions = Object.keys(rest).length ? rest : undefined;
}

function readManifest(path: string, required: boolean): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`trusted documents: cannot read the web app's persisted documents at ${path} (npm run codegen writes them)`);
  }
  const manifest = JSON.parse(text) as unknown;
  if (!manifest || typeof manifest !== "object" || Array.isArray(manifest) || Object.values(manifest).some((v) => typeof v !== "string"))
    throw new Error(`trusted documents: ${path} is not a map of hashes to documents`);
  return manifest as Record<string, string>;
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** A refusal as an HTTP answer, in the media type the client accepts (Apollo Client reads errors from a 400 in graphql-response+json). */
export function refusalAnswer(req: IncomingMessage, refusal: Refusal): { status: number; headers: Record<string, string>; body: string } {
  const accept = req.headers.accept ?? "";
  return {
    status: refusal.status,
    headers: {
      "content-type": accept.includes("application/graphql-response+json")
        ? "application/graphql-response+json; charset=utf-8"
        : "application/json; charset=utf-8",
      "cache-control": "no-store",
    },
    body: JSON.stringify({ errors: refusal.errors }),
  };
}
