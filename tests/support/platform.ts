import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { createAffiliatesSubgraph } from "@portal/affiliates";
import { createAppointmentsSubgraph } from "@portal/appointments";
import { billingOrderReceiptPdf, billingReceiptPdf, createAutomationSubgraph, documentsSignedPdf } from "@portal/automation";
import { createBillingSubgraph } from "@portal/billing";
import { createCommunitiesSubgraph } from "@portal/communities";
import { createCoursesSubgraph } from "@portal/courses";
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
  communities: RunningSubgraphProcess;
  courses: RunningSubgraphProcess;
  appointments: RunningSubgraphProcess;
  affiliates: RunningSubgraphProcess;
  gatewayPort: number;
  gatewayUrl: string;
  client: (host: string, bearer?: string) => PortalClient;
  /** Stops one subgraph while the rest keep running (an outage); `stop` then skips it. */
  stopSubgraph: (name: "automation" | "billing" | "documents" | "communities" | "courses" | "appointments" | "affiliates") => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The whole platform in this process, on random ports: every subgraph (consumers first, so they
 * subscribe before identity relays events) and the gateway in front of them.
 */
export interface PlatformOptions {
  webDistDir?: string;
  billing?: BillingOptions;
}

export async function startPlatform(databaseUrl: string, options: PlatformOptions = {}): Promise<Platform> {
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
  // Two queries connections per subgraph: a platform runs eight subgraphs (each also holds one for
  // jobs and one listening), two test files run at once, and the server allows 100 connections.
  const runtime = { ...testRuntime(databaseUrl), connections: { queries: 2, jobs: 1 } };
  const operatorEmail = `operator-${uniqueSlug("op")}@platform.test`;
  let billingUrl = "";
  let documentsUrl = "";
  const automation = await runSubgraph(
    createAutomationSubgraph({
      portalSecret: TEST_SECRET,
      production: false,
      mail: { fromAddress: "Portal <portal@platform.test>" },
      receiptPdf: billingReceiptPdf({ billingUrl: () => billingUrl, portalSecret: TEST_SECRET }),
      orderReceiptPdf: billingOrderReceiptPdf({ billingUrl: () => billingUrl, portalSecret: TEST_SECRET }),
      signedPdf: documentsSignedPdf({ documentsUrl: () => documentsUrl, portalSecret: TEST_SECRET }),
    }),
    runtime,
  );
  const documents = await runSubgraph(createDocumentsSubgraph(DOCUMENTS_OPTIONS), runtime);
  documentsUrl = documents.url;
  const communities = await runSubgraph(createCommunitiesSubgraph(COMMUNITIES_OPTIONS), runtime);
  const courses = await runSubgraph(createCoursesSubgraph(COURSES_OPTIONS), runtime);
  const appointments = await runSubgraph(createAppointmentsSubgraph(APPOINTMENTS_OPTIONS), runtime);
  const affiliates = await runSubgraph(createAffiliatesSubgraph(AFFILIATES_OPTIONS), runtime);
  // Links point at the development addresses (http://<slug>.localhost:4000), as from every identity in
  // the test database: any instance may issue a queued sign-in link. Tests open a link's path on
  // their own gateway.
  const identity = await runSubgraph(
    createIdentitySubgraph({
      portalSecret: TEST_SECRET,
      operatorEmails: [operatorEmail],
      signInLimits: { perEmail: 50, perIp: 1000, perEmailTotal: 1000, windowSeconds: 900 },
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
    {
      name: "billing",
      url: billing.url,
      typeDefs: parse(printSubgraphSchema(await createBillingSubgraph(billingOptions).buildSchema(billing))),
    },
    {
      name: "documents",
      url: documents.url,
      typeDefs: parse(printSubgraphSchema(await createDocumentsSubgraph(DOCUMENTS_OPTIONS).buildSchema(documents))),
    },
    {
      name: "communities",
      url: communities.url,
      typeDefs: parse(printSubgraphSchema(await createCommunitiesSubgraph(COMMUNITIES_OPTIONS).buildSchema(communities))),
    },
    {
      name: "courses",
      url: courses.url,
      typeDefs: parse(printSubgraphSchema(await createCoursesSubgraph(COURSES_OPTIONS).buildSchema(courses))),
    },
    {
      name: "appointments",
      url: appointments.url,
      typeDefs: parse(printSubgraphSchema(await createAppointmentsSubgraph(APPOINTMENTS_OPTIONS).buildSchema(appointments))),
    },
    {
      name: "affiliates",
      url: affiliates.url,
      typeDefs: parse(printSubgraphSchema(await createAffiliatesSubgraph(AFFILIATES_OPTIONS).buildSchema(affiliates))),
    },
  ]);
  if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const gateway = await startGateway({
    port: 0,
    host: "127.0.0.1",
    supergraphSdl: composed.supergraphSdl,
    subgraphUrls: {
      identity: identity.url,
      automation: automation.url,
      billing: billing.url,
      documents: documents.url,
      communities: communities.url,
      courses: courses.url,
      appointments: appointments.url,
      affiliates: affiliates.url,
    },
    identityInternalUrl: identity.url.replace(/\/graphql$/, ""),
    portalSecret: TEST_SECRET,
    databaseUrl,
    production: false,
    webDistDir: options.webDistDir,
    // Test files share two cores with the other files' servers (a whole platform may be starting
    // beside this one), where a subgraph's first answers can take seconds; production keeps 5 s.
    subgraphTimeoutMs: 20_000,
  });
  const stopped = new Set<RunningSubgraphProcess>();
  const stopOnce = async (subgraph: RunningSubgraphProcess) => {
    if (stopped.has(subgraph)) return;
    stopped.add(subgraph);
    await subgraph.stop();
  };
  return {
    operatorEmail,
    identity,
    automation,
    billing,
    documents,
    communities,
    courses,
    appointments,
    affiliates,
    gatewayPort: gateway.port,
    gatewayUrl: gateway.url,
    client: (host, bearer) => new PortalClient(gateway.port, host, bearer),
    stopSubgraph: (name) => stopOnce({ automation, billing, documents, communities, courses, appointments, affiliates }[name]),
    async stop() {
      await gateway.stop();
      await stopOnce(billing);
      await stopOnce(identity);
      await stopOnce(courses);
      await stopOnce(appointments);
      await stopOnce(affiliates);
      await stopOnce(communities);
      await stopOnce(documents);
      await stopOnce(automation);
    },
  };
}

/** Documents as in development: a generated development signing certificate. */
const DOCUMENTS_OPTIONS = { portalSecret: TEST_SECRET, production: false };

/** Communities needs nothing beyond the environment's mode. */
const COMMUNITIES_OPTIONS = { production: false };

/** Courses' drip job looks every second, so a lesson dripped a few seconds ahead is announced in a test. */
const COURSES_OPTIONS = { production: false, dripIntervalMs: 1000 };

/** Appointments' reminder job looks every second in tests. */
const APPOINTMENTS_OPTIONS = { production: false, reminderIntervalMs: 1000 };

/** Affiliates' approval sweep looks every second in tests. */
const AFFILIATES_OPTIONS = { production: false, approvalIntervalMs: 1000 };

/** The embedded demo's payment mode: test payments, no Stripe keys. */
const BILLING_OPTIONS: BillingOptions = { testPayments: true };

async function identitySchema(running: RunningSubgraphProcess) {
  return createIdentitySubgraph({
    portalSecret: TEST_SECRET,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: 30,
    production: false,
  }).buildSchema(running);
}

async function automationSchema(running: RunningSubgraphProcess) {
  return createAutomationSubgraph({ portalSecret: TEST_SECRET, production: false, mail: { fromAddress: "x@y.z" } }).buildSchema(running);
}

export function uniqueSlug(prefix = "biz"): string {
  return `${prefix}-${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")}`;
}
