import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startGateway, type RunningGateway } from "../src/index.js";
import { API_KEY } from "./fixtures/accounts.js";
import { composedFixtureSupergraph, cookieFrom, post, SECRET, startHarness, type Harness, recordBodies } from "./fixtures/harness.js";

/** Queries that need both fixture subgraphs, each with its variables. */
const QUERIES: { query: string; variables?: Record<string, unknown>; path?: "runtime" }[] = [
  { query: `{ contact(id: "c1") { name balanceCents } }` },
  { query: `{ who: contact(id: "c1") { label: name money: balanceCents __typename } viewer { kind } invoiceCount }` },
  // No key field asked for: the representation's `id` must not reach the client.
  { query: `{ contact(id: "c2") { balanceCents } }` },
  { query: `{ contact(id: "c1") { id balanceCents billedBusinessId } portal { business { name slug } } }` },
  {
    query: `query Fragments($id: ID!) { contact(id: $id) { ...Money ... on Contact { name } } } fragment Money on Contact { balanceCents __typename }`,
    variables: { id: "c3" },
  },
  {
    query: `query Directives($withName: Boolean!, $skipBusiness: Boolean = false) {
      contact(id: "c1") { name @include(if: $withName) id @skip(if: true) balanceCents billedBusinessId @skip(if: $skipBusiness) }
      viewer { kind @include(if: true) actorId @include(if: false) }
    }`,
    variables: { withName: false },
  },
  {
    query: `query Directives($withName: Boolean!, $skipBusiness: Boolean = false) {
      contact(id: "c1") { name @include(if: $withName) id @skip(if: true) balanceCents billedBusinessId @skip(if: $skipBusiness) }
      viewer { kind @include(if: true) actorId @include(if: false) }
    }`,
    variables: { withName: true, skipBusiness: true },
  },
  // A root field under @include: the subgraph gets the variable and leaves it out itself.
  {
    query: `query Conditional($withCount: Boolean!) { contact(id: "c1") { name } invoiceCount @include(if: $withCount) }`,
    variables: { withCount: false },
  },
  // A whole entity fetch under @skip: the plan has a Condition node, which the runtime runs.
  {
    query: `query Conditional($skipMoney: Boolean!) { contact(id: "c1") { name balanceCents @skip(if: $skipMoney) } }`,
    variables: { skipMoney: false },
    path: "runtime",
  },
  // Lists of entities, with the same entity twice (one representation, answered into both places).
  { query: `{ contacts(ids: ["c1", "c2", "c1"]) { id name balanceCents } }` },
  { query: `{ contacts(ids: []) { name balanceCents } }` },
  // A null object on the path: nothing to fetch from billing for it.
  { query: `{ contact(id: "missing") { name balanceCents } viewer { kind } }` },
  { query: `{ contacts(ids: ["c1", "missing", "c2"]) { name balanceCents } }` },
];

describe("planned queries answered without the runtime", () => {
  let h: Harness;
  let runtimeOnly: RunningGateway;
  let received: ReturnType<typeof recordBodies>;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string);
    runtimeOnly = await startGateway({
      port: 0,
      supergraphSdl: await composedFixtureSupergraph(h),
      identityInternalUrl: h.accounts.url,
      portalSecret: SECRET,
      defaultBusinessSlug: "acme",
      production: false,
      logging: false,
      directPaths: false,
    });
    received = recordBodies(h);
  });
  afterAll(async () => {
    await runtimeOnly?.stop();
    await h?.stop();
  });

  it("gives exactly the runtime's answer, key order included", async () => {
    for (const { query, variables, path } of QUERIES) {
      const before = h.gateway.answeredBy().planned;
      const direct = await post(h.gateway.url, query, { variables });
      expect(h.gateway.answeredBy().planned - before, query).toBe(path === "runtime" ? 0 : 1);
      const runtime = await post(runtimeOnly.url, query, { variables });
      expect(runtime.json.errors, query).toBeUndefined();
      expect(JSON.stringify(direct.json), query).toBe(JSON.stringify(runtime.json));
      expect(direct.status).toBe(runtime.status);
      expect(direct.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("takes operations as Apollo Client sends them (its clientLibrary extension, or a persisted query's hash with its text)", async () => {
    const send = (extensions: unknown) =>
      fetch(h.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          operationName: "Money",
          variables: {},
          extensions,
          query: `query Money { contact(id: "c1") { balanceCents } }`,
        }),
      }).then((response) => response.json());
    const before = h.gateway.answeredBy();
    expect(await send({ clientLibrary: { name: "@apollo/client", version: "4.0.0" } })).toEqual({
      data: { contact: { balanceCents: 4200 } },
    });
    expect(h.gateway.answeredBy().planned - before.planned).toBe(1);
    // A persisted query's hash sent with its text: the gateway runs the text (trusted-documents.ts), here too.
    await send({ persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } });
    expect(h.gateway.answeredBy().planned - before.planned).toBe(2);
    // A client asking for a stream gets the runtime's answer in that format.
    const stream = await fetch(h.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: `{ contact(id: "c1") { balanceCents } }` }),
    });
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await stream.text();
    expect(h.gateway.answeredBy().runtime - before.runtime).toBe(1);
  });

  it("is the path these queries take: each subgraph called once, entities deduplicated, variables per fetch", async () => {
    for (const list of Object.values(received)) list.splice(0);
    const { json } = await post(h.gateway.url, `query($id: ID!) { contacts(ids: [$id, "c2", $id]) { balanceCents } }`, {
      variables: { id: "c1" },
    });
    expect(json).toEqual({ data: { contacts: [{ balanceCents: 4200 }, { balanceCents: 4200 }, { balanceCents: 4200 }] } });
    expect(received.accounts).toHaveLength(1);
    expect(received.accounts[0].variables).toEqual({ id: "c1" });
    expect(received.billing).toHaveLength(1);
    expect(received.billing[0].variables).toEqual({
      representations: [
        { __typename: "Contact", id: "c1" },
        { __typename: "Contact", id: "c2" },
      ],
    });
  });

  it("signs each subgraph call for the caller: two callers at once keep their own answers", async () => {
    const cookie = cookieFrom((await post(h.gateway.url, `mutation { signIn(email: "planned@example.com") }`)).headers.get("set-cookie"));
    const apiKey = { authorization: `Bearer ${API_KEY.secret}` };
    const contactId = (await post(h.gateway.url, "{ viewer { actorId } }", { headers: { cookie } })).json.data.viewer.actorId;
    const callers: { headers: Record<string, string>; kind: string; actor: string }[] = [
      { headers: {}, kind: "anonymous", actor: "anonymous:null" },
      { headers: apiKey, kind: "apiKey", actor: `apiKey:${API_KEY.id}` },
      { headers: { cookie }, kind: "contact", actor: `contact:${contactId}` },
    ];
    // The same query text from everyone: only the signed caller tells the subgraph calls apart.
    const sent = Array.from({ length: 30 }, (_, i) => callers[i % callers.length]);
    const answers = await Promise.all(
      sent.map((caller) => post(h.gateway.url, `{ viewer { kind } contact(id: "c1") { billedActor } }`, { headers: caller.headers })),
    );
    expect(answers.map((answer) => answer.json.data)).toEqual(
      sent.map((caller) => ({ viewer: { kind: caller.kind }, contact: { billedActor: caller.actor } })),
    );
  });

  it("treats a forged or ended session as anonymous and clears its cookie, as the runtime does", async () => {
    const query = `{ viewer { kind } contact(id: "c1") { balanceCents } }`;
    const forged = await post(h.gateway.url, query, { headers: { cookie: "portal_session=forged-token" } });
    const viaRuntime = await post(runtimeOnly.url, query, { headers: { cookie: "portal_session=forged-token" } });
    expect(forged.json).toEqual({ data: { viewer: { kind: "anonymous" }, contact: { balanceCents: 4200 } } });
    expect(forged.json).toEqual(viaRuntime.json);
    expect(forged.headers.get("set-cookie")).toMatch(/^portal_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(forged.headers.get("set-cookie")).toBe(viaRuntime.headers.get("set-cookie"));
    const missing = await post(h.gateway.url, query);
    expect(missing.json.data.viewer.kind).toBe("anonymous");
    expect(missing.headers.get("set-cookie")).toBeNull();
  });

  it("leaves refused documents, bad variables and subgraph errors to the runtime", async () => {
    for (const [query, variables] of [
      [`{ contact(id: "c1") { name nope } }`, undefined],
      [`query($id: ID!) { contact(id: $id) { balanceCents } }`, {}],
      [`{ failing contact(id: "c1") { balanceCents } }`, undefined],
      [`{ guarded contact(id: "c1") { balanceCents } }`, undefined],
      [`{ contacts(ids: ["c1", "c2"]) { name balanceCents restricted } }`, undefined],
    ] as const) {
      const before = h.gateway.answeredBy().runtime;
      const direct = await post(h.gateway.url, query, { variables });
      expect(h.gateway.answeredBy().runtime - before, query).toBe(1);
      const runtime = await post(runtimeOnly.url, query, { variables });
      expect(direct.json.errors?.length, query).toBeGreaterThan(0);
      expect(direct.status).toBe(runtime.status);
      expect(direct.json, query).toEqual(runtime.json);
    }
  });
});
