import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { QueryPlanner } from "@graphql-hive/router-query-planner";
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
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The runtime (Hive Router's executor) plans inside itself, with the planner the direct paths use,
 * and keeps each plan for its document: when tracing, each plan it makes is a "plan" span too.
 */
function spanRuntimePlans(): void {
  const planAsync = QueryPlanner.prototype.planAsync;
  QueryPlanner.prototype.planAsync = function (this: QueryPlanner, ...args: Parameters<QueryPlanner["planAsync"]>) {
    return tracer.startActiveSpan("plan", { attributes: { "portal.gateway.path": "runtime" } }, async (span) => {
      try {
        return await planAsync.apply(this, args);
      } catch (error) {
        failed(span, error);
        throw error;
      } finally {
        span.end();
      }
    });
  };
}

function failed(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

if (tracingStarted()) spanRuntimePlans();
