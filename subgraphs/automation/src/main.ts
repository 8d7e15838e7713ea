import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import "reflect-metadata";
import { serveSubgraph } from "@portal/kit";
import { readAutomationConfig } from "./config.js";
import { createAutomationSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/automation/src/main.ts`, configured from the environment. */
const { options, ...served } = readAutomationConfig(process.env);
await serveSubgraph("automation", { definition: createAutomationSubgraph(options), ...served });
