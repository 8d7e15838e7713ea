import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readCommunitiesConfig } from "./config.js";
import { createCommunitiesSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/communities/src/main.ts`, configured from the environment. */
const { options, ...served } = readCommunitiesConfig(process.env);
await serveSubgraph("communities", { definition: createCommunitiesSubgraph(options), ...served });
