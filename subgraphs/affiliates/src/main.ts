import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readAffiliatesConfig } from "./config.js";
import { createAffiliatesSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/affiliates/src/main.ts`, configured from the environment. */
const { options, ...served } = readAffiliatesConfig(process.env);
await serveSubgraph("affiliates", { definition: createAffiliatesSubgraph(options), ...served });
