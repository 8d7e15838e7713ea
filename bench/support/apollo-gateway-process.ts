import { readFile } from "node:fs/promises";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { requestTarget, signCaller, type Caller } from "@portal/kit";
import { Authenticator } from "../../gateway/src/authenticator.js";
import { callerOf, nodeHeaders, requestFacts } from "../../gateway/src/request-facts.js";

/**
 * Child process of the dashboard benchmark: Apollo Gateway (@apollo/gateway with @apollo/server, as
 * they ship, production mode) in front of the same subgraphs as our gateway, for comparison only.
 *
 * It authenticates each request exactly as our gateway does (the same Authenticator and its cache,
 * asking identity's /internal/authenticate about the session cookie and Host) and signs every
 * subgraph call for its method, path and exact body with @portal/kit's signCaller, so the subgraphs
 * see and check the same caller headers. Prints one JSON line when ready: { url }.
 */
interface BenchContext {
  caller: Caller;
}

const secret = process.env.BENCH_SECRET!;
const supergraphSdl = await readFile(process.env.BENCH_SUPERGRAPH_PATH!, "utf8");
const authenticator = new Authenticator({
  endpoint: new URL("/internal/authenticate", process.env.BENCH_IDENTITY_URL!).toString(),
  secret,
  defaultBusinessSlug: process.env.BENCH_DEFAULT_BUSINESS_SLUG,
});

class SignedDataSource extends RemoteGraphQLDataSource<BenchContext> {
  /**
   * Runs before the body exists: RemoteGraphQLDataSource.process then sends
   * `JSON.stringify({ query, ...everything else but http })` (sendRequest, APQ off), which is what
   * is rebuilt and signed here, byte for byte. A mismatch would be refused by the subgraph, and the
   * benchmark's first-answer check would fail.
   */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<BenchContext>): void {
    const { http, query, ...rest } = request;
    if (!http || !context.caller) return; // health checks and schema loading: unsigned (not used here)
    const body = JSON.stringify({ query, ...rest });
    const signed = signCaller(secret, context.caller, { method: http.method, path: requestTarget(http.url), body });
    for (const [name, value] of Object.entries(signed)) http.headers.set(name, value);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ url }) => new SignedDataSource({ url }),
});
const server = new ApolloServer<BenchContext>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async ({ req }) => {
    const facts = requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, 0);
    return { caller: callerOf(facts, await authenticator.authenticate(facts.credentials)) };
  },
});
console.log(JSON.stringify({ url: new URL("/graphql", url).toString() }));

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
// The benchmark was killed without stopping us: don't outlive it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown();
}, 1000).unref();
