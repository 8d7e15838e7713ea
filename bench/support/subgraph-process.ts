import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { runSubgraph, type RunningSubgraphProcess, type SubgraphDefinition } from "@portal/kit";
import { parse } from "graphql";

/**
 * Child process for the overhead benchmark: the real identity subgraph with the demo business when
 * it loads, otherwise the gateway tests' identity-like fixture. Prints one JSON line when ready.
 */
const databaseUrl = process.env.BENCH_DATABASE_URL!;
const secret = process.env.BENCH_SECRET!;
const runtime = { databaseUrl, gatewaySecret: secret, port: 0, production: true };

async function startTarget(): Promise<{
  name: string;
  definition: SubgraphDefinition;
  running: RunningSubgraphProcess;
  defaultBusinessSlug: string;
  kind: string;
}> {
  try {
    const identity = await import("../../subgraphs/identity/src/index.js");
    const definition = identity.createIdentitySubgraph({
      portalSecret: secret,
      operatorEmails: [],
      signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
      sessionTtlDays: 30,
      production: true,
    });
    const running = await runSubgraph(definition, runtime);
    await identity.seedDemoData(running.orm, { operatorEmail: "operator@bench.test", portalSecret: secret });
    return { name: "identity", definition, running, defaultBusinessSlug: "brightside", kind: "identity subgraph (PostgreSQL)" };
  } catch (error) {
    console.error(`[bench] identity subgraph unavailable (${(error as Error).message}); using the fixture subgraph`);
    const { accountsSubgraph } = await import("../../gateway/tests/fixtures/accounts.js");
    const definition = accountsSubgraph({ sessions: new Map(), contacts: new Map(), authenticateCalls: 0 });
    return {
      name: "accounts",
      definition,
      running: await runSubgraph(definition, runtime),
      defaultBusinessSlug: "acme",
      kind: "fixture subgraph (in memory)",
    };
  }
}

const target = await startTarget();
const schema = await target.definition.buildSchema(target.running);
const composed = composeServices([{ name: target.name, url: target.running.url, typeDefs: parse(printSubgraphSchema(schema)) }]);
if (composed.errors?.length) throw new Error(composed.errors.map((error) => error.message).join("\n"));
const supergraphPath = join(tmpdir(), `bench-supergraph-${process.pid}.graphql`);
await writeFile(supergraphPath, composed.supergraphSdl!);
console.log(
  JSON.stringify({ url: target.running.url, supergraphPath, defaultBusinessSlug: target.defaultBusinessSlug, kind: target.kind }),
);

process.on("SIGTERM", () => void Promise.all([target.running.stop(), rm(supergraphPath, { force: true })]).finally(() => process.exit(0)));
