import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readCoursesConfig } from "./config.js";
import { createCoursesSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/courses/src/main.ts`, configured from the environment. */
const { options, ...served } = readCoursesConfig(process.env);
await serveSubgraph("courses", { definition: createCoursesSubgraph(options), ...served });
