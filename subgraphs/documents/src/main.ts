import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readDocumentsConfig } from "./config.js";
import { createDocumentsSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/documents/src/main.ts`, configured from the environment. */
const { options, ...served } = readDocumentsConfig(process.env);
await serveSubgraph("documents", { definition: createDocumentsSubgraph(options), ...served });
