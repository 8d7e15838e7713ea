import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { z } from "zod";
import { commonEnv, configureLogging, port, readConfig } from "@portal/kit";
import { DEFAULT_RATE_LIMITS, startGateway } from "./index.js";
import { DEFAULT_TRUSTED_DOCUMENTS_PATH } from "./trusted-documents.js";

/**
 * TRUST_PROXY: how many reverse proxies we run in front of the gateway. `false`/`0`/unset: none, no
 * X-Forwarded-* header is believed; `true`: one; a positive integer N: N hops.
 */
const proxyHops = z
  .string()
  .default("false")
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => ["", "false", "true"].includes(value) || /^[0-9]+$/.test(value), "must be false, true or a number of proxy hops")
  .transform((value) => (value === "true" ? 1 : value === "" || value === "false" ? 0 : Number(value)));

const config = readConfig({
  GATEWAY_PORT: port(4000),
  GATEWAY_HOST: z.string().default("0.0.0.0"),
  SUPERGRAPH_PATH: z.string().default("schema/supergraph.graphql"),
  IDENTITY_URL: z.string().url().default("http://127.0.0.1:4101/graphql"),
  AUTOMATION_URL: z.string().url().default("http://127.0.0.1:4102/graphql"),
  BILLING_URL: z.string().url().default("http://127.0.0.1:4103/graphql"),
  DOCUMENTS_URL: z.string().url().default("http://127.0.0.1:4104/graphql"),
  COMMUNITIES_URL: z.string().url().default("http://127.0.0.1:4105/graphql"),
  COURSES_URL: z.string().url().default("http://127.0.0.1:4106/graphql"),
  APPOINTMENTS_URL: z.string().url().default("http://127.0.0.1:4107/graphql"),
  AFFILIATES_URL: z.string().url().default("http://127.0.0.1:4108/graphql"),
  DATABASE_URL: commonEnv.DATABASE_URL,
  PORTAL_SECRET: commonEnv.PORTAL_SECRET,
  NODE_ENV: commonEnv.NODE_ENV,
  LOG_LEVEL: commonEnv.LOG_LEVEL,
  /** /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is not served in production. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  DEFAULT_BUSINESS_SLUG: z.string().min(1).optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  TRUST_PROXY: proxyHops,
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  // Operations per window (0: unlimited); shared across gateways through DATABASE_URL.
  RATE_LIMIT_API_KEY: z.coerce.number().int().nonnegative().default(DEFAULT_RATE_LIMITS.apiKey),
  RATE_LIMIT_SESSION: z.coerce.number().int().nonnegative().default(DEFAULT_RATE_LIMITS.session),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().nonnegative().default(DEFAULT_RATE_LIMITS.anonymous),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.windowSeconds),
  // The web app's persisted documents (codegen's manifest), and whether browsers may run only them
  // (unset: in production when the gateway serves the web app, WEB_DIST_DIR).
  TRUSTED_DOCUMENTS_PATH: z.string().min(1).default(DEFAULT_TRUSTED_DOCUMENTS_PATH),
  TRUSTED_DOCUMENTS_ONLY: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
});

// JSON lines on stdout in production, readable lines on stderr otherwise.
configureLogging({ level: config.LOG_LEVEL, json: config.NODE_ENV === "production" });

const gateway = await startGateway({
  port: config.GATEWAY_PORT,
  host: config.GATEWAY_HOST,
  supergraphPath: config.SUPERGRAPH_PATH,
  subgraphUrls: {
    identity: config.IDENTITY_URL,
    automation: config.AUTOMATION_URL,
    billing: config.BILLING_URL,
    documents: config.DOCUMENTS_URL,
    communities: config.COMMUNITIES_URL,
    courses: config.COURSES_URL,
    appointments: config.APPOINTMENTS_URL,
    affiliates: config.AFFILIATES_URL,
  },
  identityInternalUrl: config.IDENTITY_URL,
  portalSecret: config.PORTAL_SECRET,
  databaseUrl: config.DATABASE_URL,
  defaultBusinessSlug: config.DEFAULT_BUSINESS_SLUG,
  production: config.NODE_ENV === "production",
  webDistDir: config.WEB_DIST_DIR,
  trustProxy: config.TRUST_PROXY,
  subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
  rateLimits: {
    apiKey: config.RATE_LIMIT_API_KEY,
    session: config.RATE_LIMIT_SESSION,
    anonymous: config.RATE_LIMIT_ANONYMOUS,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
  },
  trustedDocuments: config.TRUSTED_DOCUMENTS_PATH,
  trustedDocumentsOnly: config.TRUSTED_DOCUMENTS_ONLY,
  metricsToken: config.METRICS_TOKEN,
});
console.log(`[gateway] listening on ${gateway.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[gateway] ${signal}: stopping`);
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  await gateway.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
