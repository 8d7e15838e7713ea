import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scratchDatabase } from "../../scripts/scratch-database.js";
import { GATEWAY_NODE_ARGS } from "../../scripts/portal-processes.js";
import { startChild, type Child } from "./child.js";

export type ServerChild = Child<{ url: string; controlUrl: string }>;

export interface LiveServers {
  /** Each subgraph's process, by name. */
  subgraphs: Record<string, ServerChild>;
  gateway: ServerChild;
  /** Stops every process (the gateway first) and drops the scratch database. */
  stop(): Promise<void>;
}

/**
 * What the live benchmarks start: a scratch database of their own (so two benchmarks never drop
 * each other's), the named subgraphs each in its own production process (live-subgraph-process.ts,
 * identity first: it seeds the demo business), their supergraph, and the gateway's process. With
 * BENCH_PROFILE_DIR=<dir>, every server writes a CPU profile there.
 */
export async function startLiveServers(database: Parameters<typeof scratchDatabase>[0], names: string[]): Promise<LiveServers> {
  const scratch = await scratchDatabase(database);
  const secret = randomBytes(32).toString("hex");
  const children: Child<unknown>[] = [];
  const supergraphPath = join(tmpdir(), `${database.name}-supergraph-${process.pid}.graphql`);
  const nodeArgs = [
    "--expose-gc",
    ...(process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
  ];
  const stop = async () => {
    for (const child of children.reverse()) await child.stop().catch((error) => console.error(`[bench] stopping a child: ${error}`));
    await rm(supergraphPath, { force: true });
    await scratch.stop();
  };
  try {
    const subgraphs: Record<string, Child<{ url: string; sdl: string; controlUrl: string }>> = {};
    for (const name of names) {
      const child = await startChild<{ url: string; sdl: string; controlUrl: string }>(
        new URL("./live-subgraph-process.ts", import.meta.url),
        { BENCH_LIVE_SUBGRAPH: name, BENCH_DATABASE_URL: scratch.url, BENCH_SECRET: secret },
        nodeArgs,
      );
      children.push(child);
      subgraphs[name] = child;
    }
    const composed = composeServices(
      names.map((name) => ({ name, url: subgraphs[name]!.ready.url, typeDefs: parse(subgraphs[name]!.ready.sdl) })),
    );
    if (composed.errors?.length) throw new Error(composed.errors.map((error) => error.message).join("\n"));
    await writeFile(supergraphPath, composed.supergraphSdl!);
    const gateway = await startChild<{ url: string; controlUrl: string }>(
      new URL("./live-gateway-process.ts", import.meta.url),
      {
        BENCH_DATABASE_URL: scratch.url,
        BENCH_SECRET: secret,
        BENCH_SUPERGRAPH_PATH: supergraphPath,
        BENCH_IDENTITY_URL: subgraphs.identity!.ready.url,
        BENCH_DEFAULT_BUSINESS_SLUG: "brightside",
      },
      // The gateway's production arguments; BENCH_GATEWAY_NODE_ARGS="--flag …" replaces them, to compare settings.
      [...nodeArgs, ...(process.env.BENCH_GATEWAY_NODE_ARGS?.split(" ").filter(Boolean) ?? GATEWAY_NODE_ARGS)],
    );
    children.push(gateway);
    return { subgraphs, gateway, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
