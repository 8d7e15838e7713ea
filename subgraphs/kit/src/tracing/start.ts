import type { IncomingMessage } from "node:http";
import { createRequire, syncBuiltinESMExports } from "node:module";
import type * as Api from "@opentelemetry/api";
import type * as AsyncHooks from "@opentelemetry/context-async-hooks";
import type * as Core from "@opentelemetry/core";
import type * as Exporter from "@opentelemetry/exporter-trace-otlp-http";
import type * as Instrumentation from "@opentelemetry/instrumentation";
import type * as Http from "@opentelemetry/instrumentation-http";
import type * as Pg from "@opentelemetry/instrumentation-pg";
import type * as Undici from "@opentelemetry/instrumentation-undici";
import type * as Resources from "@opentelemetry/resources";
import type * as SdkTrace from "@opentelemetry/sdk-trace";
import { readTracingConfig } from "./config.js";
import { SQL_TEXT_ATTRIBUTES, sqlWithoutValues } from "./sql-text.js";

/**
 * OpenTelemetry tracing for one process: a server span for each HTTP request it answers, a client
 * span (carrying `traceparent`) for each HTTP call it makes, and a span for each SQL statement run
 * on behalf of a request (its text without values), exported in batches over OTLP/HTTP.
 *
 * It must run before `pg` is loaded (its instrumentation hooks `require`), so process entries import
 * ./register.js first. The SDK is loaded with `require`, synchronously, for that reason too, and only
 * when an endpoint is configured: without one nothing is loaded and no request pays for tracing.
 */
export interface Tracing {
  serviceName: string;
  /** Exports the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Requests that are not worth a trace: health checks and metrics scrapes, every few seconds. */
const UNTRACED_PATHS = new Set(["/health", "/readiness", "/healthz", "/readyz", "/metrics"]);

let started: Tracing | null = null;

export function startTracing(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | null {
  if (started) return started;
  const config = readTracingConfig(defaultServiceName, env);
  if (!config) return null;
  const require = createRequire(import.meta.url);
  const { context, propagation, trace } = require("@opentelemetry/api") as typeof Api;
  const { AsyncLocalStorageContextManager } = require("@opentelemetry/context-async-hooks") as typeof AsyncHooks;
  const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } = require("@opentelemetry/core") as typeof Core;
  const { BatchSpanProcessor, TracerProvider } = require("@opentelemetry/sdk-trace") as typeof SdkTrace;
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http") as typeof Exporter;
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } = require("@opentelemetry/resources") as typeof Resources;
  const { registerInstrumentations } = require("@opentelemetry/instrumentation") as typeof Instrumentation;
  const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http") as typeof Http;
  const { PgInstrumentation } = require("@opentelemetry/instrumentation-pg") as typeof Pg;
  const { UndiciInstrumentation } = require("@opentelemetry/instrumentation-undici") as typeof Undici;

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME (envDetector) win over the process's own name.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ "service.name": config.serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  // The exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS and _TIMEOUT itself.
  const exporter = new OTLPTraceExporter();
  const provider = new TracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: config.scheduledDelayMillis })],
  });
  trace.setGlobalTracerProvider(provider);

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has(pathOf(request.url)),
        // "POST /graphql", "POST /internal/authenticate" rather than "POST"; other paths (file names,
        // webhook ids) would make as many span names as requests, so they keep the method only.
        requestHook: (span, request) => {
          if (!("headers" in request) || "setHeader" in request) return; // a call made, not a request answered
          const path = pathOf(request.url);
          if (path === "/graphql" || path.startsWith("/internal/")) span.updateName(`${request.method} ${path}`);
        },
      }),
      // fetch (Node's own undici): the gateway's file and webhook relays, among others.
      new UndiciInstrumentation(),
      // Only statements run for a traced request: job polling and LISTEN would otherwise start a trace each.
      new PgInstrumentation({
        requireParentSpan: true,
        requestHook: (span) => {
          const attributes = (span as unknown as { attributes?: Record<string, unknown> }).attributes ?? {};
          for (const key of SQL_TEXT_ATTRIBUTES) {
            const text = attributes[key];
            if (typeof text === "string") span.setAttribute(key, sqlWithoutValues(text));
          }
        },
      }),
    ],
  });
  // `import { request } from "node:http"` never passes through `require`: patch the built-ins now and
  // have their ES module bindings follow.
  require("node:http");
  require("node:https");
  syncBuiltinESMExports();

  const shutdown = () => provider.shutdown();
  flushOnSignals(provider);
  started = { serviceName: config.serviceName, shutdown };
  return started;
}

/**
 * On SIGTERM/SIGINT the entry's own handler stops the process (and exits); the spans of its last
 * seconds are exported meanwhile. Without such a handler the signal is raised again once they are,
 * so the process still ends as it would have.
 */
function flushOnSignals(provider: { forceFlush(): Promise<void> }): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const flushed = provider.forceFlush().catch(() => {});
      if (process.listenerCount(signal) === 0) void flushed.then(() => process.kill(process.pid, signal));
    });
  }
}

function pathOf(url: string | undefined): string {
  const path = url ?? "/";
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

/** Whether this process traces (startTracing ran with an endpoint configured). */
export function tracingStarted(): boolean {
  return started !== null;
}
