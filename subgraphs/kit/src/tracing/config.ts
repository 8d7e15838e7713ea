import { z } from "zod";
import { readConfig } from "../config.js";

/**
 * OpenTelemetry's own variables (the names every collector and SDK document). Tracing is on only
 * when an OTLP endpoint is given; without one nothing of the SDK is loaded.
 */
const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), "must be an http:// or https:// URL");

const tracingEnv = {
  /** Base URL of an OTLP/HTTP receiver (a collector, Jaeger, Tempo…); traces go to `<url>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  /** The full traces URL, when traces go elsewhere than the base endpoint. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  /** Overrides the service name the process chose (`portal-gateway`, `portal-identity`…). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Milliseconds between two exports of finished spans (default 5000). */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().positive().optional(),
  /** Set to `true` to leave tracing off even with an endpoint (the SDK's own switch). */
  OTEL_SDK_DISABLED: z.enum(["true", "false", ""]).optional(),
};

export interface TracingConfig {
  serviceName: string;
  scheduledDelayMillis?: number;
}

/** The tracing settings of this process, or null when tracing is off. */
export function readTracingConfig(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): TracingConfig | null {
  const endpointGiven = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (!endpointGiven || env.OTEL_SDK_DISABLED === "true") return null;
  const config = readConfig(tracingEnv, env);
  return { serviceName: config.OTEL_SERVICE_NAME ?? defaultServiceName, scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY };
}

/**
 * The service a process entry runs, from its path: `gateway/src/main.ts` is `portal-gateway`,
 * `subgraphs/<name>/src/main.ts` is `portal-<name>`, the development host (every subgraph in one
 * process) is `portal-subgraphs`. Compiled `.js` entries are named as their sources.
 */
export function serviceNameOf(entry: string | undefined): string {
  const path = (entry ?? "").replaceAll("\\", "/");
  const subgraph = path.match(/subgraphs\/([a-z0-9-]+)\/src\/main\.[cm]?[jt]s$/);
  if (subgraph) return `portal-${subgraph[1]}`;
  if (/gateway\/src\/main\.[cm]?[jt]s$/.test(path)) return "portal-gateway";
  if (/scripts\/subgraph-host\.[cm]?[jt]s$/.test(path)) return "portal-subgraphs";
  return "portal";
}
