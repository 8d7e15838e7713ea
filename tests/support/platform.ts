import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { billingReceiptPdf, createAutomationSubgraph, documentsSignedPdf } from "@portal/automation";
import { createBillingSubgraph } from "@portal/billing";
import { createDocumentsSubgraph } from "@portal/documents";
import { startGateway } from "@portal/gateway";
import { createIdentitySubgraph } from "@portal/identity";
import { randomToken, runSubgraph, TEST_SECRET, testRuntime, type RunningSubgraphProcess } from "@portal/kit";
import { parse } from "graphql";
import pg from "pg";

type BillingOptions = Parameters<typeof createBillingSubgraph>[0];
import { PortalClient } from "./http-client.js";


export interface Platform {
  /** A platform operator of its own, so test files running at once never read each other's links. */
  operatorEmail: string;
  identity: RunningSubgraphProcess;
  automation: RunningSubgraphProcess;
  billing: RunningSubgraphProcess;
  documents: RunningSubgraphProcess;
  gatewayPort: number;
  gatewayUrl: string;
  client: (host: string, bearer?: string) => PortalClient;
  stop: () => Promise<void>;
}

/**
 * The whole platform in this process, on random ports: every subgraph (consumers first, so they
 * subscribe before identity relays events) and the gateway in front of them.
 */
export async function startPlatform(databaseUrl: string, options: { webDistDir?: string; billing?: BillingOptions } = {}): Promise<Platform> {
  return oneStartAtATime(databaseUrl, () => startPlatformNow(databaseUrl, options));
}

/**
 * Test files start platforms in parallel worker processes against one fresh database; pg-boss creating
 * the same queues at once can deadlock, so starts take turns under a PostgreSQL advisory lock.
 */
async function oneStartAtATime<T>(databaseUrl: string, start: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(hashtext('tests.start_platform'))");
    return await start();
  } finally {
    await lock.end();
  }
}

async function startPlatformNow(databaseUrl: string, options: { webDistDir?: string; billing?: BillingOptions }): Promise<Platform> {
  const billingOptions = options.billing ?? BILLING_OPTIONS;
  const runtime = testRuntime(databaseUrl);
  const operatorEmail = `operator-${uniqueSlug("op")}@platform.test`;
  let billingUrl = "";
  let documentsUrl = "";
  const automation = await runSubgraph(
    createAutomationSubgraph({
      portalSecret: TEST_SECRET,
      production: false,
      mail: { fromAddress: "Portal <portal@platform.test>" },
      receiptPdf: billingReceiptPdf({ billingUrl: () => billingUrl, portalSecret: TEST_SECRET }),
      signedPdf: documentsSignedPdf({ documentsUrl: () => documentsUrl, portalSecret: TEST_SECRET }),
    }),
    runtime,
  );
  const documents = await runSubgraph(createDocumentsSubgraph(DOCUMENTS_OPTIONS), runtime);
  documentsUrl = documents.url;
  const identity = await runSubgraph(
    createIdentitySubgraph({
      portalSecret: TEST_SECRET,
      operatorEmails: [operatorEmail],
      signInLimits: { perEmail: 50, perIp: 1000, windowSeconds: 900 },
      sessionTtlDays: 30,
      production: false,
    }),
    runtime,
  );
  const billing = await runSubgraph(createBillingSubgraph(billingOptions), runtime);
  billingUrl = billing.url;
  const composed = composeServices([
    { name: "automation", url: automation.url, typeDefs: parse(printSubgraphSchema(await automationSchema(automation))) },
    { name: "identity", url: identity.url, typeDefs: parse(printSubgraphSchema(await identitySchema(identity))) },
    { name: "billing", url: billing.url, typeDefs: parse(printSubgraphSchema(await createBillingSubgraph(billingOptions).buildSchema(billing))) },
    { name: "documents", url: documents.url, typeDefs: parse(printSubgraphSchema(await createDocumentsSubgraph(DOCUMENTS_OPTIONS).buildSchema(documents))) },
  ]);
  if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const gateway = await startGateway({
    port: 0,
    host: "127.0.0.1",
    supergraphSdl: composed.supergraphSdl,
    subgraphUrls: { identity: identity.url, automation: automation.url, billing: billing.url, documents: documents.url },
    identityInternalUrl: identity.url.replace(/\/graphql$/, ""),
    portalSecret: TEST_SECRET,
    databaseUrl,
    production: false,
    webDistDir: options.webDistDir,
  });
  return {
    operatorEmail,
    identity,
    automation,
    billing,
    documents,
    gatewayPort: gateway.port,
    gatewayUrl: gateway.url,
    client: (host, bearer) => new PortalClient(gateway.port, host, bearer),
    async stop() {
      await gateway.stop();
      await billing.stop();
      await identity.stop();
      await documents.stop();
      await automation.stop();
    },
  };
}

/** Documents as in development: a generated development signing certificate. */
const DOCUMENTS_OPTIONS = { portalSecret: TEST_SECRET, production: false };

/** The embedded demo's payment mode: test payments, no Stripe keys. */
const BILLING_OPTIONS: BillingOptions = { testPayments: true };

async function identitySchema(running: RunningSubgraphProcess) {
  return createIdentitySubgraph({ portalSecret: TEST_SECRET, operatorEmails: [], signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 }, sessionTtlDays: 30, production: false }).buildSchema(running);
}

async function automationSchema(running: RunningSubgraphProcess) {
  return createAutomationSubgraph({ portalSecret: TEST_SECRET, production: false, mail: { fromAddress: "x@y.z" } }).buildSchema(running);
}

export function uniqueSlug(prefix = "biz"): string {
  return `${prefix}-${randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}
