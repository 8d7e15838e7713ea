import { LIVE_CHANNEL } from "@portal/kit";
import { createClient, type Client } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import WebSocket from "ws";
import { ACME, API_KEY, CONTACT_CHANGED } from "./fixtures/accounts.js";
import { cookieFrom, post, startHarness, type Harness } from "./fixtures/harness.js";

const PROTOCOL = "graphql-transport-ws";

describe("gateway over graphql-ws", () => {
  let h: Harness;
  let db: pg.Client;
  let wsUrl: string;
  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    h = await startHarness(databaseUrl);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    wsUrl = h.gateway.url.replace("http", "ws");
  });
  afterAll(async () => {
    await db?.end();
    await h?.stop();
  });

  const notify = (topic: string, data: Record<string, unknown>) =>
    db.query("select pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ topic, businessId: ACME.id, data })]);

  function clientWithCookie(cookie?: string): { client: Client; closed: Promise<{ code: number; reason: string }> } {
    let onClosed!: (event: { code: number; reason: string }) => void;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
    class BrowserLikeSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: cookie ? { cookie } : {} });
      }
    }
    const client = createClient({
      url: wsUrl,
      webSocketImpl: BrowserLikeSocket,
      retryAttempts: 0,
      lazy: false,
      on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
    });
    return { client, closed };
  }

  /** Subscribes and keeps announcing until the first event arrives (the upstream subscription starts asynchronously). */
  async function firstEvent(client: Client, query: string, announce: () => Promise<unknown>): Promise<unknown> {
    let stop = false;
    const received = new Promise<unknown>((resolve, reject) => {
      const unsubscribe = client.subscribe(
        { query },
        {
          next: (value) => {
            stop = true;
            resolve(value);
            unsubscribe();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    for (let attempt = 0; attempt < 50 && !stop; attempt++) {
      await announce();
      await Promise.race([received, new Promise((r) => setTimeout(r, 100))]);
    }
    return received;
  }

  it("resolves a field of another subgraph inside a subscription payload", async () => {
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "grace@example.com") }`);
    const { client } = clientWithCookie(cookieFrom(signIn.headers.get("set-cookie")));
    const [contactId] = [...h.state.contacts].find(([, email]) => email === "grace@example.com")!;
    const event = await firstEvent(client, "subscription { contactChanged { id name balanceCents billedBusinessId } }", () =>
      notify(CONTACT_CHANGED, { contactId }),
    );
    expect(event).toEqual({
      data: { contactChanged: { id: contactId, name: "grace@example.com", balanceCents: 4200, billedBusinessId: ACME.id } },
    });
    await client.dispose();
  });

  it("still resolves federated fields for a subscription that started long ago (signatures are per call)", async () => {
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "old-timer@example.com") }`);
    const { client } = clientWithCookie(cookieFrom(signIn.headers.get("set-cookie")));
    const [contactId] = [...h.state.contacts].find(([, email]) => email === "old-timer@example.com")!;
    const query = "subscription { contactChanged { id balanceCents } }";
    const events: unknown[] = [];
    let wake = () => {};
    const unsubscribe = client.subscribe(
      { query },
      {
        next: (value) => {
          events.push(value);
          wake();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    for (let attempt = 0; attempt < 50 && events.length === 0; attempt++) {
      await notify(CONTACT_CHANGED, { contactId });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(events.length).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10 * 60_000 }); // ten minutes later, for everyone in this process
    try {
      const late = new Promise<unknown>(
        (resolve) =>
          (wake = () => {
            const found = events.find((event: any) => event.data?.contactChanged?.id === "late-contact" || event.errors);
            if (found) resolve(found);
          }),
      );
      await notify(CONTACT_CHANGED, { contactId: "late-contact" });
      expect(await late).toEqual({ data: { contactChanged: { id: "late-contact", balanceCents: 4200 } } });
    } finally {
      vi.useRealTimers();
      unsubscribe();
      await client.dispose();
    }
  });

  it("relays a subscription one subgraph answers over one upstream socket, run upstream as each subscriber", async () => {
    const before = h.gateway.answeredBy();
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "ada@example.com") }`);
    const contact = clientWithCookie(cookieFrom(signIn.headers.get("set-cookie"))).client;
    const anonymous = clientWithCookie().client;
    const integrator = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: `Bearer ${API_KEY.secret}` },
    });
    const [contactId] = [...h.state.contacts].find(([, email]) => email === "ada@example.com")!;
    const query = "subscription { viewerChanged { kind actorId businessId } }";
    const announce = () => notify(CONTACT_CHANGED, { contactId });
    const [asContact, asIntegrator, asAnonymous] = await Promise.all(
      [contact, integrator, anonymous].map((client) => firstEvent(client, query, announce)),
    );

    expect(asContact).toEqual({ data: { viewerChanged: { kind: "contact", actorId: contactId, businessId: ACME.id } } });
    expect(asIntegrator).toEqual({ data: { viewerChanged: { kind: "apiKey", actorId: API_KEY.id, businessId: ACME.id } } });
    expect(asAnonymous).toEqual({ data: { viewerChanged: { kind: "anonymous", actorId: null, businessId: ACME.id } } });
    const after = h.gateway.answeredBy();
    expect(after.relayedSubscriptions - before.relayedSubscriptions).toBe(3);
    expect(after.relaySockets).toBe(1); // accounts, for all three clients

    // A subscription that needs a second subgraph (billing's balance) still goes through the runtime.
    await firstEvent(contact, "subscription { contactChanged { id balanceCents } }", announce);
    expect(h.gateway.answeredBy().relayedSubscriptions).toBe(after.relayedSubscriptions);
    await Promise.all([contact, integrator, anonymous].map((client) => client.dispose()));
  });

  it("closes a revoked session's live subscription with 4403, and its next HTTP request is anonymous", async () => {
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "linus@example.com") }`);
    const cookie = cookieFrom(signIn.headers.get("set-cookie"));
    const token = decodeURIComponent(cookie.split("=")[1]);
    const { sessionId, contactId } = h.state.sessions.get(token)!;
    expect((await post(h.gateway.url, "{ viewer { kind } }", { headers: { cookie } })).json.data.viewer.kind).toBe("contact");

    const { client, closed } = clientWithCookie(cookie);
    await firstEvent(client, "subscription { contactChanged { id } }", () => notify(CONTACT_CHANGED, { contactId }));

    // identity ends the session, then announces it; the gateway must not wait for its cache to expire
    h.state.sessions.delete(token);
    await notify("auth.revoked", { sessionIds: [sessionId], apiKeyIds: [] });
    expect(await closed).toMatchObject({ code: 4403, reason: "Forbidden" });

    const after = await post(h.gateway.url, "{ viewer { kind } }", { headers: { cookie } });
    expect(after.json.data.viewer.kind).toBe("anonymous");
    expect(after.headers.get("set-cookie")).toMatch(/^portal_session=; /);
    await client.dispose();
  });

  it("authenticates an integrator's socket by the API key in connectionParams, and closes it when the key is revoked", async () => {
    let onClosed!: (event: { code: number }) => void;
    const closed = new Promise<{ code: number }>((resolve) => (onClosed = resolve));
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { Authorization: `Bearer ${API_KEY.secret}` },
      on: { closed: (event) => onClosed(event as { code: number }) },
    });
    const viewer = await new Promise<any>((resolve, reject) =>
      client.subscribe({ query: "{ viewer { kind actorId } }" }, { next: resolve, error: reject, complete: () => undefined }),
    );
    expect(viewer.data.viewer).toEqual({ kind: "apiKey", actorId: API_KEY.id });
    await notify("auth.revoked", { sessionIds: [], apiKeyIds: [API_KEY.id] });
    expect((await closed).code).toBe(4403);
    await client.dispose();
  });

  describe("protocol", () => {
    /** A raw socket, to send what a well-behaved client never would. */
    async function rawSocket(): Promise<{
      socket: WebSocket;
      send: (message: unknown) => void;
      closed: Promise<{ code: number; reason: string }>;
      next: () => Promise<any>;
    }> {
      const socket = new WebSocket(wsUrl, PROTOCOL);
      const messages: any[] = [];
      const waiters: ((message: any) => void)[] = [];
      socket.on("message", (data) => {
        const message = JSON.parse(String(data));
        const waiter = waiters.shift();
        if (waiter) waiter(message);
        else messages.push(message);
      });
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        socket.on("close", (code, reason) => resolve({ code, reason: String(reason) })),
      );
      await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
      return {
        socket,
        send: (message) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
        closed,
        next: () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((resolve) => waiters.push(resolve))),
      };
    }

    it("closes with 4401 when subscribing before connection_init", async () => {
      const { send, closed } = await rawSocket();
      send({ id: "1", type: "subscribe", payload: { query: "{ invoiceCount }" } });
      expect(await closed).toEqual({ code: 4401, reason: "Unauthorized" });
    });

    it("answers connection_init with connection_ack and runs queries over the socket", async () => {
      const { send, next, socket } = await rawSocket();
      send({ type: "connection_init" });
      expect(await next()).toEqual({ type: "connection_ack" });
      send({ id: "q", type: "subscribe", payload: { query: "{ invoiceCount portal { business { slug } } }" } });
      expect(await next()).toEqual({
        id: "q",
        type: "next",
        payload: { data: { invoiceCount: 3, portal: { business: { slug: "acme" } } } },
      });
      expect(await next()).toEqual({ id: "q", type: "complete" });
      socket.close();
    });

    it("closes with 4429 on a second connection_init", async () => {
      const { send, next, closed } = await rawSocket();
      send({ type: "connection_init" });
      await next();
      send({ type: "connection_init" });
      expect((await closed).code).toBe(4429);
    });

    it("closes with 4409 when a subscription id is reused while active", async () => {
      const { send, next, closed } = await rawSocket();
      send({ type: "connection_init" });
      await next();
      send({ id: "same", type: "subscribe", payload: { query: "subscription { contactChanged { id } }" } });
      send({ id: "same", type: "subscribe", payload: { query: "subscription { contactChanged { id } }" } });
      expect(await closed).toEqual({ code: 4409, reason: "Subscriber for same already exists" });
    });

    it("closes with 4409 when the id of an open relayed subscription is reused", async () => {
      const { send, next, closed } = await rawSocket();
      send({ type: "connection_init" });
      await next();
      send({ id: "same", type: "subscribe", payload: { query: "subscription { viewerChanged { kind } }" } });
      send({ id: "same", type: "subscribe", payload: { query: "subscription { viewerChanged { kind } }" } });
      expect(await closed).toEqual({ code: 4409, reason: "Subscriber for same already exists" });
    });

    it("stops a relayed subscription the client completes, and takes its id again afterwards", async () => {
      const { send, next, socket } = await rawSocket();
      const heard: { id?: string; type: string; payload?: unknown }[] = [];
      socket.on("message", (data) => heard.push(JSON.parse(String(data))));
      send({ type: "connection_init" });
      expect(await next()).toEqual({ type: "connection_ack" });
      const before = h.gateway.answeredBy().relayedSubscriptions;
      const announce = () => notify(CONTACT_CHANGED, { contactId: "nobody" });
      const events = () => heard.filter((message) => message.id === "live");
      const untilHeard = async (count: number) => {
        for (let attempt = 0; attempt < 50 && events().length < count; attempt++) {
          await announce();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(events().length).toBeGreaterThanOrEqual(count);
      };
      const subscribe = () => send({ id: "live", type: "subscribe", payload: { query: "subscription { viewerChanged { kind } }" } });

      subscribe();
      await untilHeard(1);
      expect(events()[0]).toEqual({ id: "live", type: "next", payload: { data: { viewerChanged: { kind: "anonymous" } } } });
      expect(h.gateway.answeredBy().relayedSubscriptions - before).toBe(1);

      send({ id: "live", type: "complete" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const afterComplete = events().length;
      await announce();
      await announce();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events().length).toBe(afterComplete); // nothing more, and no `complete` sent back for it

      subscribe(); // the same id, free again
      await untilHeard(afterComplete + 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const resubscribed = events().length;
      await announce();
      await expect.poll(() => events().length).toBe(resubscribed + 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events().length).toBe(resubscribed + 1); // one answer per change: the completed one is gone upstream too
      expect(h.gateway.answeredBy().relayedSubscriptions - before).toBe(2);
      socket.close();
    });

    it("closes with 4400 on a message that is not part of the protocol", async () => {
      const { send, next, closed } = await rawSocket();
      send({ type: "connection_init" });
      await next();
      send({ type: "shout", payload: "hello" });
      expect((await closed).code).toBe(4400);
    });

    it("closes with 4406 a socket that did not ask for graphql-transport-ws", async () => {
      const socket = new WebSocket(wsUrl);
      const code = await new Promise<number>((resolve) => socket.on("close", (closeCode) => resolve(closeCode)));
      expect(code).toBe(4406);
    });
  });

  describe("when a subgraph goes away", () => {
    let doomed: Harness;
    beforeAll(async () => {
      doomed = await startHarness(inject("databaseUrl" as never) as string);
    });
    afterAll(async () => {
      await doomed?.stop().catch(() => undefined);
    });

    it("ends its relayed subscriptions with the section's unavailable error, and keeps the client's socket open", async () => {
      let closed = false;
      const client = createClient({
        url: doomed.gateway.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        on: { closed: () => (closed = true) },
      });
      const query = "subscription { viewerChanged { kind } }";
      const outcome = new Promise<{ results: unknown[]; completed: boolean }>((resolve, reject) => {
        const results: unknown[] = [];
        client.subscribe(
          { query },
          { next: (value) => results.push(value), error: reject, complete: () => resolve({ results, completed: true }) },
        );
      });
      await expect.poll(() => doomed.gateway.answeredBy().relaySockets).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the subscription reached the subgraph
      await doomed.accounts.stop();

      const { results, completed } = await outcome;
      expect(completed).toBe(true);
      expect(results).toEqual([
        { errors: [{ message: "The accounts section is unavailable right now", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
      ]);
      expect(closed).toBe(false);
      await client.dispose();
    });
  });

  describe("with a short subgraph timeout", () => {
    let quick: Harness;
    beforeAll(async () => {
      quick = await startHarness(inject("databaseUrl" as never) as string, { subgraphTimeoutMs: 200 });
    });
    afterAll(async () => {
      await quick?.stop();
    });

    it("keeps a subscription open past the timeout: only its entity fetches have one", async () => {
      const signIn = await post(quick.gateway.url, `mutation { signIn(email: "patient@example.com") }`);
      const cookie = cookieFrom(signIn.headers.get("set-cookie"));
      const [contactId] = [...quick.state.contacts].find(([, email]) => email === "patient@example.com")!;
      const events: unknown[] = [];
      let closedCode: number | undefined;
      class BrowserLikeSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie } });
        }
      }
      const client = createClient({
        url: quick.gateway.url.replace("http", "ws"),
        webSocketImpl: BrowserLikeSocket,
        retryAttempts: 0,
        lazy: false,
        on: { closed: (event) => (closedCode = (event as { code: number }).code) },
      });
      let completed = false;
      const unsubscribe = client.subscribe(
        { query: "subscription { contactChanged { id balanceCents } }" },
        { next: (value) => events.push(value), error: () => undefined, complete: () => (completed = true) },
      );
      for (let attempt = 0; attempt < 50 && events.length === 0; attempt++) {
        await notify(CONTACT_CHANGED, { contactId });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(events.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // five timeouts later
      const seen = events.length;
      await notify(CONTACT_CHANGED, { contactId: "later-contact" });
      await expect.poll(() => events.length).toBeGreaterThan(seen);
      expect(events.at(-1)).toEqual({ data: { contactChanged: { id: "later-contact", balanceCents: 4200 } } });
      expect({ completed, closedCode }).toEqual({ completed: false, closedCode: undefined });
      unsubscribe();
      await client.dispose();
    });
  });
});
