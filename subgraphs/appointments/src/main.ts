import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { serveSubgraph } from "@portal/kit";
import { readAppointmentsConfig } from "./config.js";
import { createAppointmentsSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/appointments/src/main.ts`, configured from the environment. */
const { options, ...served } = readAppointmentsConfig(process.env);
await serveSubgraph("appointments", { definition: createAppointmentsSubgraph(options), ...served });
