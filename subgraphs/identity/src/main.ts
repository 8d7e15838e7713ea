import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readIdentityConfig } from "./config.js";
import { createIdentitySubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/identity/src/main.ts`, configured from the environment. */
const { options, ...served } = readIdentityConfig(process.env);
await serveSubgraph("identity", { definition: createIdentitySubgraph(options), ...served });
