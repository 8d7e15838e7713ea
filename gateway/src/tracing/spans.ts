import { SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import { tracingStarted } from "@portal/kit/src/tracing/start.js";

const tracer = trace.getTracer("@portal/gateway");

/**
 * Runs `work` in a span of its own, a child of the request's server span, when this process traces;
 * otherwise (tracing off, the default) it only runs `work`. For the gateway's own steps, such as
 * planning a query: calls to subgraphs and SQL get their spans from the instrumentations.
 */
export function inSpan<T>(name: string, attributes: Attributes, work: () => T): T {
  if (!tracingStarted()) return work();
  return tracer.startActiveSpan(name, { attributes }, (span) => {
    try {
      return work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
