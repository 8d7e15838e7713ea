import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { startGateway } from "@portal/gateway";
import type { RunningSubgraphProcess, SubgraphDefinition } from "@portal/kit";
import autocannon from "autocannon";
import { parse } from "graphql";

export interface InProcessSubgraph {
  name: string;
  running: RunningSubgraphProcess;
  definition: SubgraphDefinition;
}

export type InProcessGateway = Awaited<ReturnType<typeof startGateway>>;

/**
 * Composes the supergraph of the subgraphs running in this process and starts the production
 * gateway in front of them, for Brightside (the demo business) by default.
 */
export async function startInProcessGateway(
  subgraphs: InProcessSubgraph[],
  options: { secret: string; databaseUrl: string; identityUrl: string },
): Promise<InProcessGateway> {
  const composed = composeServices(
    await Promise.all(
      subgraphs.map(async ({ name, running, definition }) => ({
        name,
        url: running.url,
        typeDefs: parse(printSubgraphSchema(await definition.buildSchema(running))),
      })),
    ),
  );
  if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  return startGateway({
    port: 0,
    supergraphSdl: composed.supergraphSdl!,
    identityInternalUrl: options.identityUrl,
    portalSecret: options.secret,
    databaseUrl: options.databaseUrl,
    defaultBusinessSlug: "brightside",
    production: true,
    logging: false,
    // Counted like production (the limiter's cost is in the figures), with limits no benchmark reaches.
    rateLimits: { apiKey: 1e9, session: 1e9, anonymous: 1e9 },
  });
}

export interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

/** One POST sent over and over by autocannon (a 2 s warm-up first), from a worker thread. */
export async function postLoad(
  url: string,
  request: { headers: Record<string, string>; body: string },
  connections: number,
  durationSeconds: number,
): Promise<Load> {
  const options = { url, method: "POST", headers: request.headers, body: request.body, connections, workers: 1 };
  await autocannon({ ...options, duration: 2 } as never);
  const load = await autocannon({ ...options, duration: durationSeconds } as never);
  return { requestsPerSecond: load.requests.average, p99: load.latency.p99, errors: load.errors + load.non2xx };
}
