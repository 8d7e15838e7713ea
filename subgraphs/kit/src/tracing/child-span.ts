import { type Span, type SpanOptions, SpanStatusCode, trace } from "@opentelemetry/api";

const tracer = trace.getTracer("@portal/kit");

/**
 * Runs `work` in a span of its own under the active one, ended when `work` settles and marked as
 * an error if it throws; `work` may mark it further from its result. Outside a traced request (no
 * active span, or tracing off) `work` runs alone, given no span, and nothing is recorded; options
 * given as a function are then never made (a hot path's attributes cost nothing untraced).
 */
export function inChildSpan<T>(
  name: string,
  options: SpanOptions | (() => SpanOptions),
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!trace.getActiveSpan()) return work(undefined);
  return tracer.startActiveSpan(name, typeof options === "function" ? options() : options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
