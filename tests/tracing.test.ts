import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { SESSION_COOKIE } from "@portal/gateway";
import { ownDatabase, randomToken, sha256, TEST_SECRET } from "@portal/kit";
import { readTracingConfig, serviceNameOf } from "@portal/kit/src/tracing/config.js";
import { sqlWithoutValues } from "@portal/kit/src/tracing/sql-text.js";
import { startTracing, tracingStarted } from "@portal/kit/src/tracing/start.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePorts } from "../scripts/free-ports.js";
import { GATEWAY_NODE_ARGS, portalEnvironment, type PortalEnvironment } from "../scripts/portal-processes.js";
import { Supervisor, waitForHealth } from "../scripts/processes.js";
import { seedDemo } from "../scripts/seed.js";
import { SUBGRAPHS } from "../scripts/subgraphs.js";
import { PortalClient } from "./support/http-client.js";

/**
 * OpenTelemetry traces in the production layout: the gateway, identity and billing each their own
 * process from its src/main.ts, with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a small OTLP/HTTP
 * receiver here (the exporter posts JSON). One dashboard query needs identity (the viewer) and then
 * billing (the contact's invoice summary); its trace must hold every step across the three processes.
 */

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}
interface CollectedSpan extends OtlpSpan {
  service: string;
}
interface OtlpBody {
  resourceSpans?: {
    resource?: { attributes?: OtlpSpan["attributes"] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const SERVER = 2;
const CLIENT = 3;
const TRACED = ["identity", "billing"];

const spans: CollectedSpan[] = [];
let receiver: Server;
let supervisor: Supervisor;
let environment: PortalEnvironment;
let databaseDrop: (() => Promise<void>) | undefined;
let sessionToken = "";

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? String(value.intValue) : undefined);
};

/** A local OTLP/HTTP traces endpoint: keeps every span it is sent, with its service's name. */
async function startReceiver(): Promise<number> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpBody;
        for (const resourceSpans of body.resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((entry) => entry.key === "service.name")?.value.stringValue ?? "";
          for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  return (receiver.address() as AddressInfo).port;
}

describe("OpenTelemetry traces across the gateway and two subgraphs", () => {
  beforeAll(async () => {
    const receiverPort = await startReceiver();
    const database = ownDatabase(inject("databaseUrl" as never) as string, "tracing");
    await database.create();
    databaseDrop = database.drop;
    const operatorEmail = "operator@portal.test";
    const demo = await seedDemo({ databaseUrl: database.url, portalSecret: TEST_SECRET, operatorEmail });
    const parties = demo.parties!;

    // The demo client, signed in: a session as confirming a magic link would leave it.
    sessionToken = randomToken(32);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`update "identity"."contact" set access_status = 'active' where id = $1`, [parties.client.id]);
      await client.query(
        `insert into "identity"."session" (token_hash, actor_kind, actor_id, business_id, expires_at) values ($1, 'contact', $2, $3, now() + interval '1 day')`,
        [sha256(sessionToken), parties.client.id, parties.business.id],
      );
    } finally {
      await client.end();
    }

    const names = ["GATEWAY_PORT", ...SUBGRAPHS.map((subgraph) => subgraph.portVariable)];
    const ports = await freePorts(names.length);
    const env = {
      NODE_ENV: "development",
      // Small pools: this PostgreSQL's connections are shared with the other test files.
      DATABASE_POOL_MAX: "2",
      JOBS_POOL_MAX: "1",
      ...Object.fromEntries(names.map((name, i) => [name, String(ports[i])])),
    };
    environment = portalEnvironment({
      databaseUrl: database.url,
      portalSecret: TEST_SECRET,
      env,
      operatorEmail,
      defaultBusinessSlug: "brightside",
    });
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`, OTEL_BSP_SCHEDULE_DELAY: "200" };
    supervisor = new Supervisor({ log: () => {} });
    for (const subgraph of environment.subgraphs.filter((s) => TRACED.includes(s.name)))
      supervisor.start(subgraph.name, subgraph.entry, { ...environment.subgraph, ...tracing });
    supervisor.start("gateway", "gateway/src/main.ts", { ...environment.gateway, ...tracing }, GATEWAY_NODE_ARGS);
    await Promise.all([
      ...environment.subgraphs
        .filter((s) => TRACED.includes(s.name))
        .map((s) => waitForHealth(`http://127.0.0.1:${s.port}/health`, 120_000)),
      waitForHealth(`http://127.0.0.1:${environment.gatewayPort}/readiness`, 120_000),
    ]);
  }, 240_000);

  afterAll(async () => {
    await supervisor?.stopAll();
    await new Promise((resolve) => receiver?.close(resolve));
    await databaseDrop?.();
  });

  it("one dashboard request is one trace: the gateway's server span, its plan, its calls to identity and billing, their server spans and their SQL", async () => {
    const portal = new PortalClient(environment.gatewayPort, "localhost");
    portal.cookies.set(SESSION_COOKIE, sessionToken);
    const answer = await portal.graphql(
      `query PortalDashboard { portal { settings { welcomeMessage } } viewer { contact { id invoiceSummary { hasInvoices outstandingCount } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.viewer.contact.invoiceSummary).toMatchObject({ hasInvoices: expect.any(Boolean) });

    const portOf = Object.fromEntries(environment.subgraphs.map((s) => [s.name, String(s.port)]));
    const isGatewayRequest = (span: CollectedSpan) =>
      span.service === "portal-gateway" && span.kind === SERVER && attribute(span, "url.path") === "/graphql";
    await expect.poll(() => arrived(spans.find(isGatewayRequest)?.traceId), { timeout: 20_000, interval: 200 }).toBe(true);

    const requests = spans.filter(isGatewayRequest);
    expect(requests).toHaveLength(1);
    const root = requests[0]!;
    const trace = spans.filter((span) => span.traceId === root.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const descendsFrom = (span: CollectedSpan, ancestor: CollectedSpan): boolean => {
      for (let parent = byId.get(span.parentSpanId ?? ""); parent; parent = byId.get(parent.parentSpanId ?? ""))
        if (parent === ancestor) return true;
      return false;
    };

    expect(root.parentSpanId || undefined).toBeUndefined();
    expect(root.name).toBe("POST /graphql");
    const plans = trace.filter((span) => span.service === "portal-gateway" && span.name === "plan");
    expect(plans.some((span) => attribute(span, "portal.gateway.path") === "planned" && descendsFrom(span, root))).toBe(true);

    // The gateway authenticates the session with identity first, within the same trace.
    expect(trace.some((span) => span.service === "portal-identity" && span.name === "POST /internal/authenticate")).toBe(true);
    for (const name of TRACED) {
      // The gateway's call to the subgraph, carrying traceparent: the subgraph's server span is its child.
      const calls = trace.filter(
        (span) => span.service === "portal-gateway" && span.kind === CLIENT && attribute(span, "server.port") === portOf[name],
      );
      expect(calls.length, `calls to ${name}`).toBeGreaterThan(0);
      expect(calls.every((call) => descendsFrom(call, root))).toBe(true);
      const served = trace.filter((span) => span.service === `portal-${name}` && span.kind === SERVER);
      expect(served.length, `${name} server spans`).toBeGreaterThan(0);
      expect(served.every((span) => calls.some((call) => call.spanId === span.parentSpanId))).toBe(true);
      expect(served.map((span) => span.name)).toContain("POST /graphql");
      // SQL run for the request, under the subgraph's server span.
      const sql = trace.filter((span) => span.service === `portal-${name}` && isSql(span));
      expect(sql.length, `${name} SQL spans`).toBeGreaterThan(0);
      expect(sql.every((span) => served.some((server) => descendsFrom(span, server)))).toBe(true);
    }

    // Statements keep their shape, not their values (the host's business slug is one of them).
    const statements = trace.filter(isSql).map((span) => attribute(span, "db.query.text") ?? "");
    expect(statements.some((text) => text.includes('"identity"."business"'))).toBe(true);
    expect(statements.join("\n")).not.toContain("brightside");

    // Every server span the subgraphs recorded for /graphql belongs to this one trace: no request of theirs started its own.
    const subgraphRequests = spans.filter(
      (span) =>
        TRACED.some((name) => span.service === `portal-${name}`) && span.kind === SERVER && attribute(span, "url.path") === "/graphql",
    );
    expect(subgraphRequests.every((span) => span.traceId === root.traceId)).toBe(true);
  }, 60_000);
  it("a request the gateway's runtime answers continues the caller's trace (its traceparent) through identity and billing", async () => {
    const traceId = randomBytes(16).toString("hex");
    const callerSpanId = randomBytes(8).toString("hex");
    const response = await fetch(`http://127.0.0.1:${environment.gatewayPort}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `${SESSION_COOKIE}=${sessionToken}`,
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      // An extension the direct paths do not know sends the request through the runtime.
      body: JSON.stringify({
        query: `query PortalDashboard { viewer { contact { id invoiceSummary { hasInvoices } } } }`,
        extensions: { clientName: "tracing-test" },
      }),
    });
    const answer = (await response.json()) as { data?: { viewer?: { contact?: { invoiceSummary?: unknown } } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.viewer?.contact?.invoiceSummary).toBeTruthy();

    const inTrace = () => spans.filter((span) => span.traceId === traceId);
    await expect.poll(() => arrived(traceId), { timeout: 20_000, interval: 200 }).toBe(true);
    const trace = inTrace();
    const root = trace.find((span) => span.service === "portal-gateway" && span.kind === SERVER);
    expect(root?.parentSpanId).toBe(callerSpanId);
    // The runtime plans a document the first time it sees it (then keeps the plan).
    expect(trace.some((span) => span.name === "plan" && attribute(span, "portal.gateway.path") === "runtime")).toBe(true);
    for (const name of TRACED) {
      const served = trace.filter((span) => span.service === `portal-${name}` && span.kind === SERVER);
      expect(served.length, `${name} server spans`).toBeGreaterThan(0);
      const parents = served.map((span) => trace.find((candidate) => candidate.spanId === span.parentSpanId));
      expect(parents.every((parent) => parent?.service === "portal-gateway" && parent.kind === CLIENT)).toBe(true);
    }
  }, 60_000);
});

describe("tracing settings", () => {
  it("is off without an OTLP endpoint: nothing of the SDK is loaded", () => {
    expect(readTracingConfig("portal-gateway", {})).toBeNull();
    expect(startTracing("portal-gateway", {})).toBeNull();
    expect(tracingStarted()).toBe(false);
    const require = createRequire(import.meta.url);
    expect(Object.keys(require.cache).filter((path) => path.includes("@opentelemetry/sdk-trace"))).toEqual([]);
  });

  it("names each process after its entry, unless OTEL_SERVICE_NAME says otherwise", () => {
    expect(serviceNameOf("/srv/portal/gateway/src/main.ts")).toBe("portal-gateway");
    expect(serviceNameOf("/srv/portal/subgraphs/identity/src/main.ts")).toBe("portal-identity");
    expect(serviceNameOf("/srv/portal/node_modules/.cache/portal-dev/subgraphs/billing/src/main.js")).toBe("portal-billing");
    expect(serviceNameOf("/srv/portal/node_modules/.cache/portal-dev/scripts/subgraph-host.js")).toBe("portal-subgraphs");
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" };
    expect(readTracingConfig("portal-gateway", endpoint)?.serviceName).toBe("portal-gateway");
    expect(readTracingConfig("portal-gateway", { ...endpoint, OTEL_SERVICE_NAME: "edge-gateway" })?.serviceName).toBe("edge-gateway");
    expect(readTracingConfig("portal-gateway", { ...endpoint, OTEL_SDK_DISABLED: "true" })).toBeNull();
    expect(() => readTracingConfig("portal-gateway", { OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });

  it("keeps SQL's shape in spans, not its values", () => {
    expect(
      sqlWithoutValues(
        `select "e0".* from "identity"."contact" as "e0" where "e0"."email" = 'ada@example.test' and "e0"."age" > 41 limit 1`,
      ),
    ).toBe(`select "e0".* from "identity"."contact" as "e0" where "e0"."email" = ? and "e0"."age" > ? limit ?`);
    expect(sqlWithoutValues(`update t0 set note = 'it''s 5' where id = $1 and n::int4 = -2.5`)).toBe(
      `update t0 set note = ? where id = $1 and n::int4 = ?`,
    );
  });
});

/**
 * Each process exports its spans in batches (every 200 ms here), a span once it ends: a server span
 * ends after everything under it, so once the gateway's and each subgraph's for /graphql (the last
 * call) are in, the trace is.
 */
function arrived(traceId: string | undefined): boolean {
  const trace = spans.filter((span) => span.traceId === traceId);
  const served = (service: string) =>
    trace.some((span) => span.service === service && span.kind === SERVER && attribute(span, "url.path") === "/graphql");
  return (
    served("portal-gateway") &&
    TRACED.every((name) => served(`portal-${name}`) && trace.some((span) => span.service === `portal-${name}` && isSql(span)))
  );
}

function isSql(span: OtlpSpan): boolean {
  return (attribute(span, "db.system.name") ?? attribute(span, "db.system")) === "postgresql";
}
