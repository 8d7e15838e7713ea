import { createHash } from "node:crypto";
import { mkdtemp, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIVE_CHANNEL } from "@portal/kit";
import { createClient, type Client, type ExecutionResult } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { sendHashOnly } from "../../web/src/persisted-documents.js";
import { ACME, API_KEY, CONTACT_CHANGED } from "./fixtures/accounts.js";
import { cookieFrom, post, startHarness, type Harness } from "./fixtures/harness.js";
import type { Authenticator } from "../src/authenticator.js";
import { createTrustedDocuments } from "../src/trusted-documents.js";

/** The web app's documents as codegen writes them: sha256 of the text → the text. */
const SIGN_IN = "mutation SignIn($email: String!) { signIn(email: $email) }";
const VIEWER = "query Viewer { viewer { kind actorId } }";
const CONTACT_CHANGED_SUBSCRIPTION = "subscription ContactChanged { contactChanged { id name } }";
const hash = (text: string) => createHash("sha256").update(text).digest("hex");
const MANIFEST = Object.fromEntries([SIGN_IN, VIEWER, CONTACT_CHANGED_SUBSCRIPTION].map((text) => [hash(text), text]));
const AD_HOC = "{ viewer { kind ip } }";

interface Answer {
  data?: { viewer?: { kind: string }; signIn?: boolean };
  errors?: { message: string; extensions: { code: string } }[];
}

/** A POST naming a document by hash only, as the web app sends it. */
async function postHash(
  url: string,
  text: string,
  options: { headers?: Record<string, string>; variables?: Record<string, unknown> } = {},
) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json,application/json;q=0.9", ...options.headers },
    body: JSON.stringify({ variables: options.variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash(text) } } }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer };
}

async function signedInCookie(url: string, email: string): Promise<string> {
  const signIn = await postHash(url, SIGN_IN, { variables: { email } });
  expect(signIn.json).toEqual({ data: { signIn: true } });
  return cookieFrom(signIn.headers.get("set-cookie"));
}

function wsClient(url: string, options: { cookie?: string; apiKey?: string }): Client {
  const cookie = options.cookie;
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  return createClient({
    url: url.replace("http", "ws"),
    webSocketImpl: BrowserLikeSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : undefined,
    // What the web app's client does: the text stays home when a hash is sent.
    jsonMessageReplacer: sendHashOnly,
  });
}

/** Subscribes and announces a change until the first answer (event or error) arrives. */
async function firstAnswer(
  client: Client,
  payload: { query: string; extensions?: Record<string, unknown> },
  announce: () => Promise<unknown>,
): Promise<{ data?: unknown; errors?: unknown }> {
  let done = false;
  const answer = new Promise<{ data?: unknown; errors?: unknown }>((resolve) => {
    const unsubscribe = client.subscribe(payload, {
      next: (value: ExecutionResult) => {
        done = true;
        resolve(value as never);
        unsubscribe();
      },
      error: (errors) => {
        done = true;
        resolve({ errors });
      },
      complete: () => undefined,
    });
  });
  for (let attempt = 0; attempt < 50 && !done; attempt++) {
    await announce();
    await Promise.race([answer, new Promise((r) => setTimeout(r, 100))]);
  }
  return answer;
}

const byHash = (text: string) => ({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: hash(text) } } });

describe("trusted documents: the gateway serving the web app in production", () => {
  let h: Harness;
  let db: pg.Client;
  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    const dist = await mkdtemp(join(tmpdir(), "portal-web-"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>Portal</title>");
    h = await startHarness(databaseUrl, { production: true, webDistDir: dist, trustedDocuments: MANIFEST });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await h?.stop();
  });

  it("answers a browser session's operations sent by hash", async () => {
    const cookie = await signedInCookie(h.gateway.url, "hash@example.com");
    const viewer = await postHash(h.gateway.url, VIEWER, { headers: { cookie } });
    expect(viewer.status).toBe(200);
    expect(viewer.json.data?.viewer?.kind).toBe("contact");
  });

  it("refuses a browser's own query text, signed in or anonymous, with PERSISTED_QUERY_ONLY", async () => {
    const cookie = await signedInCookie(h.gateway.url, "adhoc@example.com");
    for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
      const { status, json } = await post(h.gateway.url, AD_HOC, { headers });
      expect(status).toBe(400);
      expect(json.data).toBeUndefined();
      expect(json.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    }
    const get = await fetch(`${h.gateway.url}?query=${encodeURIComponent(AD_HOC)}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as Answer).errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_ONLY");
  });

  it("lets an API key send any operation, but not a made-up key", async () => {
    const integrator = await post(h.gateway.url, AD_HOC, { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    expect(integrator.json).toMatchObject({ data: { viewer: { kind: "apiKey" } } });
    const madeUp = await post(h.gateway.url, AD_HOC, { headers: { authorization: "Bearer pk_test_not_a_key" } });
    expect(madeUp.status).toBe(400);
    expect(madeUp.json.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
  });

  it("answers a document sent by hash in a GET's extensions, and refuses an unknown hash there too", async () => {
    const cookie = await signedInCookie(h.gateway.url, "get@example.com");
    const get = (text: string) =>
      fetch(`${h.gateway.url}?operationName=Viewer&extensions=${encodeURIComponent(JSON.stringify(byHash(text).extensions))}`, {
        // A GET is a simple request for a browser: the gateway wants a header a cross-site form cannot send.
        headers: { cookie, accept: "application/json", "apollo-require-preflight": "true" },
      });
    const known = await get(VIEWER);
    expect(known.status).toBe(200);
    expect(((await known.json()) as Answer).data?.viewer?.kind).toBe("contact");
    const unknown = await get("query Viewer { viewer { kind ip } }");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Answer).errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, for browsers and API keys alike", async () => {
    for (const headers of [{}, { authorization: `Bearer ${API_KEY.secret}` }] as Record<string, string>[]) {
      const { status, json } = await postHash(h.gateway.url, "query Gone { viewer { kind } }", { headers });
      expect(status).toBe(400);
      expect(json.errors).toEqual([{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }]);
    }
  });

  it("runs a browser session's subscription by hash over WebSocket and refuses its own text there", async () => {
    const cookie = await signedInCookie(h.gateway.url, "live@example.com");
    const [contactId] = [...h.state.contacts].find(([, email]) => email === "live@example.com")!;
    const announce = () =>
      db.query("select pg_notify($1, $2)", [
        LIVE_CHANNEL,
        JSON.stringify({ topic: CONTACT_CHANGED, businessId: ACME.id, data: { contactId } }),
      ]);
    const client = wsClient(h.gateway.url, { cookie });
    try {
      const event = await firstAnswer(client, byHash(CONTACT_CHANGED_SUBSCRIPTION), announce);
      expect(event).toEqual({ data: { contactChanged: { id: contactId, name: "live@example.com" } } });
      const refused = await firstAnswer(client, { query: "subscription { viewerChanged { kind } }" }, announce);
      expect(refused.errors).toEqual([expect.objectContaining({ extensions: { code: "PERSISTED_QUERY_ONLY" } })]);
      const unknown = await firstAnswer(client, byHash("subscription Gone { viewerChanged { kind } }"), announce);
      expect(unknown.errors).toEqual([expect.objectContaining({ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } })]);
    } finally {
      await client.dispose();
    }
    const integrator = wsClient(h.gateway.url, { apiKey: API_KEY.secret });
    try {
      const event = await firstAnswer(integrator, { query: "subscription { viewerChanged { kind } }" }, announce);
      expect(event).toEqual({ data: { viewerChanged: { kind: "apiKey" } } });
    } finally {
      await integrator.dispose();
    }
  });
});

describe("trusted documents in development", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string, { production: false, trustedDocuments: MANIFEST });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("resolves hashes and still runs any text, for tools and tests", async () => {
    const cookie = await signedInCookie(h.gateway.url, "dev@example.com");
    expect((await postHash(h.gateway.url, VIEWER, { headers: { cookie } })).json.data?.viewer?.kind).toBe("contact");
    expect((await post(h.gateway.url, AD_HOC, { headers: { cookie } })).json.data.viewer.kind).toBe("contact");
  });
});

describe("the manifest file", () => {
  it("is read again in development when a hash is missing (codegen ran since the gateway started)", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "portal-documents-")), "persisted-documents.json");
    await writeFile(path, JSON.stringify({ [hash(VIEWER)]: VIEWER }));
    const trusted = createTrustedDocuments({ manifest: path, only: false, reload: true, authenticator: {} as Authenticator });
    const added = { extensions: { persistedQuery: { version: 1, sha256Hash: hash(SIGN_IN) } } } as {
      query?: unknown;
      extensions?: unknown;
    };
    expect(trusted.resolveHash({ ...added })).toBe("not-found");
    await writeFile(path, JSON.stringify({ [hash(VIEWER)]: VIEWER, [hash(SIGN_IN)]: SIGN_IN }));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    expect(trusted.resolveHash(added)).toBe("resolved");
    expect(added).toEqual({ query: SIGN_IN, extensions: undefined });
  });

  it("must exist when browsers may run only its documents", () => {
    expect(() =>
      createTrustedDocuments({
        manifest: join(tmpdir(), "no-such-manifest.json"),
        only: true,
        reload: false,
        authenticator: {} as Authenticator,
      }),
    ).toThrow(/npm run codegen/);
  });
});
