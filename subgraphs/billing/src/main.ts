import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readBillingConfig } from "./config.js";
import { createBillingSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/billing/src/main.ts`, configured from the environment. */
const { options, ...served } = readBillingConfig(process.env);
await serveSubgraph("billing", { definition: createBillingSubgraph(options), ...served });
