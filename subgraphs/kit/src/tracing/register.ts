import { serviceNameOf } from "./config.js";
import { startTracing } from "./start.js";

/**
 * Imported first by every process entry (`import "@portal/kit/src/tracing/register.js"`), before
 * anything loads `pg` or `http`: starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, under the
 * entry's service name (see serviceNameOf), and does nothing otherwise.
 */
startTracing(serviceNameOf(process.argv[1]));
