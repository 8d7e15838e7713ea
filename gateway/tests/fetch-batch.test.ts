import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  BATCH_PATH,
  CALLER_HEADER,
  COLOCATED_HEADER,
  makeCaller,
  NOT_HERE,
  requestTarget,
  SIGNATURE_HEADER,
  verifyCaller,
} from "@portal/kit";
import { afterEach, describe, expect, it } from "vitest";
import { upstreamAgent, type SubgraphEndpoint } from "../src/direct-upstream.js";
import { Colocation, FetchBatcher, type FetchAnswer } from "../src/fetch-batch.js";

const SECRET = "g".repeat(40);
const caller = makeCaller({ businessId: "b-1", actor: { kind: "contact", id: "contact-1" } });

const endpoint = (name: string, url: string): SubgraphEndpoint => ({ name, url, path: requestTarget(url) });
const endpointsOf = (...list: SubgraphEndpoint[]) => new Map(list.map((e) => [e.name, e]));

describe("which subgraphs the gateway batches", () => {
  const billing = endpoint("billing", "http://127.0.0.1:4102/graphql");
  const documents = endpoint("documents", "http://127.0.0.1:4103/graphql");

  it("those reached on the same host at the very port their process says it serves them on", () => {
    const colocation = new Colocation(endpointsOf(billing, documents));
    colocation.learn("billing", "billing=4102,documents=4103,identity=4101");
    expect([...(colocation.peersOf("billing") ?? [])].sort()).toEqual(["billing", "documents"]);
    // What billing says holds for its whole process: documents batches with billing too.
    expect(colocation.peersOf("documents")).toBe(colocation.peersOf("billing"));
  });

  it("never one behind a proxy or balancer (another port), on another host, or a subgraph alone in its process", () => {
    const proxied = new Colocation(endpointsOf(billing, endpoint("documents", "http://127.0.0.1:9999/graphql")));
    proxied.learn("billing", "billing=4102,documents=4103");
    expect(proxied.peersOf("billing")).toBeUndefined();

    const elsewhere = new Colocation(endpointsOf(billing, endpoint("documents", "http://10.0.0.5:4103/graphql")));
    elsewhere.learn("billing", "billing=4102,documents=4103");
    expect(elsewhere.peersOf("billing")).toBeUndefined();

    // The process says billing is on 4102, but the gateway reaches billing through 5000: not the same server.
    const billingProxied = new Colocation(endpointsOf(endpoint("billing", "http://127.0.0.1:5000/graphql"), documents));
    billingProxied.learn("billing", "billing=4102,documents=4103");
    expect(billingProxied.peersOf("billing")).toBeUndefined();

    const alone = new Colocation(endpointsOf(billing, documents));
    alone.learn("billing", "billing=4102");
    expect(alone.peersOf("billing")).toBeUndefined();
  });

  it("stops when the process says otherwise, or when a batch to it failed", () => {
    const colocation = new Colocation(endpointsOf(billing, documents));
    colocation.learn("billing", "billing=4102,documents=4103");
    colocation.learn("documents", "documents=4103");
    expect(colocation.peersOf("billing")).toBeUndefined();
    expect(colocation.peersOf("documents")).toBeUndefined();

    colocation.learn("billing", "billing=4102,documents=4103");
    colocation.forget("documents");
    expect(colocation.peersOf("billing")).toBeUndefined();
  });
});

/** A stand-in for a process serving two subgraphs, recording the requests it receives. */
async function fakeHost(batch: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const received: { path: string; body: string; signedFor: string | null }[] = [];
  let header = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const verified = verifyCaller(SECRET, req.headers[CALLER_HEADER] as string, req.headers[SIGNATURE_HEADER] as string, {
        method: "POST",
        path: req.url ?? "/",
        body: Buffer.from(body),
      });
      received.push({ path: req.url ?? "", body, signedFor: verified?.actor.id ?? null });
      res.setHeader(COLOCATED_HEADER, header);
      if (req.url === BATCH_PATH) return batch(req, body, res);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: { single: JSON.parse(body).query } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  header = `billing=${port},documents=${port}`;
  const url = `http://127.0.0.1:${port}/graphql`;
  return { server, received, endpoints: endpointsOf(endpoint("billing", url), endpoint("documents", url)) };
}

const answerParts = (statuses: number[]) => (_req: IncomingMessage, body: string, res: ServerResponse) => {
  const { parts } = JSON.parse(body) as { parts: { subgraph: string; body: string }[] };
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      parts: parts.map((part, index) => ({
        status: statuses[index],
        headers: {},
        body: statuses[index] === 200 ? { data: { batched: part.subgraph } } : null,
      })),
    }),
  );
};

describe("a request's fetches to subgraphs of one process", () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  async function fetchBoth(host: Awaited<ReturnType<typeof fakeHost>>): Promise<FetchAnswer[]> {
    const colocation = new Colocation(host.endpoints);
    const options = { colocation, agent: upstreamAgent(), secret: SECRET, timeoutMs: 2_000, caller, requestId: "req-1" };
    // The first request learns the layout from an answer; the second batches.
    await new FetchBatcher(options).fetch(host.endpoints.get("billing")!, '{"query":"first"}');
    host.received.length = 0;
    const fetches = new FetchBatcher(options);
    return Promise.all([
      fetches.fetch(host.endpoints.get("billing")!, '{"query":"b"}'),
      fetches.fetch(host.endpoints.get("documents")!, '{"query":"d"}'),
    ]);
  }

  it("go in one exchange, signed once for the caller, and come back to each fetch", async () => {
    const host = await fakeHost(answerParts([200, 200]));
    servers.push(host.server);
    const answers = await fetchBoth(host);
    expect(host.received.map((r) => [r.path, r.signedFor])).toEqual([[BATCH_PATH, "contact-1"]]);
    expect(JSON.parse(host.received[0]!.body).parts.map((p: { subgraph: string }) => p.subgraph)).toEqual(["billing", "documents"]);
    expect(answers.map((a) => (a as { json: any }).json.data.batched)).toEqual(["billing", "documents"]);
  });

  it("send a part the process could not answer on its own", async () => {
    const host = await fakeHost(answerParts([200, NOT_HERE]));
    servers.push(host.server);
    const answers = await fetchBoth(host);
    expect(host.received.map((r) => r.path)).toEqual([BATCH_PATH, "/graphql"]);
    expect((answers[1] as { json: any }).json.data.single).toBe("d");
  });

  it("send every part on its own when the batch fails as a whole (a server without batches)", async () => {
    const host = await fakeHost((_req, _body, res) => {
      res.statusCode = 404;
      res.end('{"error":"not found"}');
    });
    servers.push(host.server);
    const answers = await fetchBoth(host);
    expect(host.received.map((r) => r.path).sort()).toEqual([BATCH_PATH, "/graphql", "/graphql"].sort());
    expect(answers.map((a) => (a as { json: any }).json.data.single)).toEqual(["b", "d"]);
  });
});
