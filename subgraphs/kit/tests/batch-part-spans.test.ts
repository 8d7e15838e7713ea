import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerBatch, makeCaller, serveColocated } from "../src/index.js";

/** Tracing registered for this file's process only, its spans kept in memory. */
const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const SECRET = "s".repeat(40);
const PORTS = { billing: 65_011, documents: 65_012 };
const caller = makeCaller({ businessId: "b-1", actor: { kind: "contact", id: "contact-1" } });

/** A subgraph of this process whose answer opens a span of its own (as its SQL would) and has the given status. */
function subgraph(name: string, port: number, status: number) {
  return serveColocated(port, {
    name,
    secret: SECRET,
    async answer() {
      trace.getTracer("test").startSpan(`sql of ${name}`).end();
      return { status, headers: {}, body: "{}" };
    },
  });
}

describe("a batch answered for a traced request", () => {
  const leave: (() => void)[] = [];
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(provider);
    leave.push(subgraph("billing", PORTS.billing, 200), subgraph("documents", PORTS.documents, 500));
  });
  afterAll(async () => {
    for (const each of leave) each();
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  const batch = {
    deadlineMs: 1_000,
    parts: [
      { subgraph: "billing", port: PORTS.billing, body: "{}" },
      { subgraph: "documents", port: PORTS.documents, body: "{}" },
    ],
  };

  it("gives each part a span under the request's, holding what the part did, with its status", async () => {
    exporter.reset();
    const request = trace.getTracer("test").startSpan("POST /graphql-batch");
    await context.with(trace.setSpan(context.active(), request), () => answerBatch(batch, caller, SECRET, undefined));
    request.end();
    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.find((span) => span.name === name)!;
    for (const name of ["billing", "documents"]) {
      const part = named(`batch part ${name}`);
      expect(part.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(part.attributes["portal.subgraph"]).toBe(name);
      expect(named(`sql of ${name}`).parentSpanContext?.spanId).toBe(part.spanContext().spanId);
    }
    expect(named("batch part billing").attributes["http.response.status_code"]).toBe(200);
    expect(named("batch part billing").status.code).toBe(0);
    expect(named("batch part documents").status.code).toBe(2); // ERROR
  });

  it("makes no span of its own for a request that is not traced", async () => {
    exporter.reset();
    await answerBatch(batch, caller, SECRET, undefined);
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(["sql of billing", "sql of documents"]);
  });
});
