import client, { type Counter, type Gauge, type Histogram } from "prom-client";

/**
 * Prometheus metrics shared by the gateway and every subgraph (one registry per process, served at
 * /metrics). Nothing is measured per GraphQL field: a request costs one counter and one histogram
 * update on series looked up once per operation name.
 */
export const metricsRegistry = client.register;
export const METRICS_CONTENT_TYPE = client.register.contentType;

let processMetrics = false;

/** Node's own metrics (CPU, memory, event loop lag, GC, handles), collected once per process. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  client.collectDefaultMetrics({ register: metricsRegistry });
}

/** The text Prometheus scrapes. */
export function metricsText(): Promise<string> {
  return metricsRegistry.metrics();
}

/** A metric defined once per process, even when two copies of a module define it. */
function defined<T>(name: string, create: () => T): T {
  return (metricsRegistry.getSingleMetric(name) as T | undefined) ?? create();
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

const requests = () =>
  defined<Counter<"service" | "operation" | "outcome">>(
    "portal_graphql_requests_total",
    () =>
      new client.Counter({
        name: "portal_graphql_requests_total",
        help: "GraphQL requests over HTTP by service, operation name and outcome (ok; error: GraphQL errors or 5xx; rejected: 4xx)",
        labelNames: ["service", "operation", "outcome"],
      }),
  );

const latency = () =>
  defined<Histogram<"service" | "operation">>(
    "portal_graphql_request_duration_seconds",
    () =>
      new client.Histogram({
        name: "portal_graphql_request_duration_seconds",
        help: "Time from a GraphQL request's arrival to its answer, by service and operation name",
        labelNames: ["service", "operation"],
        buckets: LATENCY_BUCKETS,
      }),
  );

const failures = () =>
  defined<Counter<"service" | "kind">>(
    "portal_errors_total",
    () =>
      new client.Counter({
        name: "portal_errors_total",
        help: "Unexpected failures by service and kind (internal: answered 500; subgraph_timeout, subgraph_unreachable: a gateway call)",
        labelNames: ["service", "kind"],
      }),
  );

const eventLag = () =>
  defined<Histogram<"consumer" | "event">>(
    "portal_event_lag_seconds",
    () =>
      new client.Histogram({
        name: "portal_event_lag_seconds",
        help: "Time from a domain event's creation (its outbox row) to its handling by a consumer",
        labelNames: ["consumer", "event"],
        buckets: LAG_BUCKETS,
      }),
  );

const deadLetters = () =>
  defined<Counter<"consumer" | "event">>(
    "portal_dead_letters_total",
    () =>
      new client.Counter({
        name: "portal_dead_letters_total",
        help: "Events a consumer gave up on (kept as dead letters for an operator to retry or discard)",
        labelNames: ["consumer", "event"],
      }),
  );

const emailFailures = () =>
  defined<Counter<"kind">>(
    "portal_email_failures_total",
    () =>
      new client.Counter({
        name: "portal_email_failures_total",
        help: "Emails the provider did not take: temporary (retried later) or final (logged as FAILED)",
        labelNames: ["kind"],
      }),
  );

const subscriptionsOpen = () =>
  defined<Gauge<"service">>(
    "portal_subscriptions_open",
    () =>
      new client.Gauge({
        name: "portal_subscriptions_open",
        help: "GraphQL subscriptions open on the gateway's WebSockets",
        labelNames: ["service"],
        collect() {
          this.reset();
          for (const source of subscriptionSources) this.inc({ service: source.service }, source.count());
        },
      }),
  );

export type RequestOutcome = "ok" | "error" | "rejected";

/** Operation names are the client's: only plain names become series, and at most this many per service. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;
const MAX_OPERATIONS = 300;

interface OperationSeries {
  ok: Counter.Internal;
  error: Counter.Internal;
  rejected: Counter.Internal;
  latency: Histogram.Internal<"service" | "operation">;
}

/**
 * One service's GraphQL request metrics. The series of each operation name are looked up once and
 * kept; names that are not plain GraphQL names, and names beyond the first few hundred, count as `other`.
 */
export class RequestMetrics {
  private readonly series = new Map<string, OperationSeries>();

  constructor(readonly service: string) {}

  /** `seconds` from arrival to answer; `operation` as the client named it (undefined: `anonymous`). */
  record(operation: string | undefined, outcome: RequestOutcome, seconds: number): void {
    const series = this.seriesOf(operation ?? "anonymous");
    series[outcome].inc();
    series.latency.observe(seconds);
  }

  private seriesOf(operation: string): OperationSeries {
    const known = this.series.get(operation);
    if (known) return known;
    const plain = OPERATION_NAME.test(operation) && this.series.size < MAX_OPERATIONS;
    const name = plain ? operation : "other";
    const existing = this.series.get(name);
    if (existing) return existing;
    const counter = requests();
    const created: OperationSeries = {
      ok: counter.labels(this.service, name, "ok"),
      error: counter.labels(this.service, name, "error"),
      rejected: counter.labels(this.service, name, "rejected"),
      latency: latency().labels(this.service, name),
    };
    this.series.set(name, created);
    return created;
  }
}

/** A document's first operation's name, when the text starts with it (clients often send no `operationName` then). */
const LEADING_OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** The operation name a request gave, else the one its query text starts with. */
export function operationNameOf(operationName: unknown, query: unknown): string | undefined {
  if (typeof operationName === "string") return operationName;
  return typeof query === "string" ? LEADING_OPERATION.exec(query)?.[1] : undefined;
}

/** The outcome of an answered GraphQL request, from its status and whether its body carried errors. */
export function outcomeOf(status: number, hadErrors: boolean): RequestOutcome {
  if (status >= 500) return "error";
  if (status >= 400) return "rejected";
  return hadErrors ? "error" : "ok";
}

export function countFailure(service: string, kind: "internal" | "subgraph_timeout" | "subgraph_unreachable"): void {
  failures().inc({ service, kind });
}

/** A consumer handled an event created at `occurredAt` (ISO text, as in `DomainEvent`). */
export function observeEventLag(consumer: string, eventType: string, occurredAt: string): void {
  const created = Date.parse(occurredAt);
  if (Number.isFinite(created)) eventLag().observe({ consumer, event: eventType }, Math.max(0, (Date.now() - created) / 1000));
}

export function countDeadLetter(consumer: string, eventType: string): void {
  deadLetters().inc({ consumer, event: eventType });
}

export function countEmailFailure(kind: "temporary" | "final"): void {
  emailFailures().inc({ kind });
}

const subscriptionSources = new Set<{ service: string; count: () => number }>();

/** Reports a server's open subscriptions at each scrape (nothing is counted per message); returns the way to stop. */
export function reportOpenSubscriptions(service: string, count: () => number): () => void {
  subscriptionsOpen();
  const source = { service, count };
  subscriptionSources.add(source);
  return () => subscriptionSources.delete(source);
}

/** Defines every metric, so /metrics lists them (at zero) before the first event of each kind. */
export function defineMetrics(): void {
  requests();
  latency();
  failures();
  eventLag();
  deadLetters();
  emailFailures();
  subscriptionsOpen();
}
