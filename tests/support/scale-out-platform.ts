import { fileURLToPath } from "node:url";
import { createAffiliatesSubgraph } from "@portal/affiliates";
import { createAppointmentsSubgraph } from "@portal/appointments";
import { billingOrderReceiptPdf, billingReceiptPdf, createAutomationSubgraph, documentsSignedPdf } from "@portal/automation";
import { createBillingSubgraph } from "@portal/billing";
import { createCommunitiesSubgraph } from "@portal/communities";
import { createCoursesSubgraph } from "@portal/courses";
import { createDocumentsSubgraph } from "@portal/documents";
import { startGateway, type RunningGateway } from "@portal/gateway";
import { createIdentitySubgraph } from "@portal/identity";
import { runSubgraph, TEST_SECRET, testRuntime, type RunningSubgraphProcess, type SubgraphDefinition } from "@portal/kit";
import { PortalClient } from "./http-client.js";
import { LoadBalancer } from "./load-balancer.js";
import { uniqueSlug } from "./platform.js";

/**
 * The portal scaled out, in this process: two instances of every subgraph, each pair behind a load
 * balancer of its own (one URL per subgraph, as a Kubernetes Service gives replicas), two gateways
 * given those URLs, and a front load balancer over the gateways that clients talk to. Instances
 * share nothing but PostgreSQL, as separate processes would; `stopInstances` really stops an
 * instance (its server, its pg-boss workers, its outbox relay and LISTEN connection, its pools).
 */
export const SUBGRAPH_NAMES = [
  "automation",
  "documents",
  "communities",
  "courses",
  "appointments",
  "affiliates",
  "identity",
  "billing",
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface ScaleOutPlatform {
  operatorEmail: string;
  front: LoadBalancer;
  balancers: Record<SubgraphName, LoadBalancer>;
  instances: Record<SubgraphName, RunningSubgraphProcess[]>;
  gateways: RunningGateway[];
  /** A browser-like client of the front load balancer, on the portal host `host`. */
  client: (host: string) => PortalClient;
  /**
   * Stops a gateway (a backend name of `front`, e.g. "gateway-1") as a rolling restart does: out of
   * the balancer's rotation first, then stopped, answering what it holds; returns how many requests it held
   * (in flight when it began stopping, or accepted while it stopped).
   */
  stopGateway: (gateway: string) => Promise<number>;
  /**
   * Stops, all at once, the instance of each subgraph `instanceOf` names (a backend name of the
   * subgraph's load balancer, e.g. "billing-2"), each out of rotation first like the gateway; returns
   * how many requests each held, by that name.
   */
  stopInstances: (instanceOf: Record<SubgraphName, string>) => Promise<Record<string, number>>;
  stop: () => Promise<void>;
}

const SUPERGRAPH_PATH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

export async function startScaleOutPlatform(databaseUrl: string): Promise<ScaleOutPlatform> {
  const operatorEmail = `operator-${uniqueSlug("op")}@platform.test`;
  // Backends are added once their instances listen; the URLs are known before, as Services' are.
  const balancers = {} as Record<SubgraphName, LoadBalancer>;
  const started: { name: SubgraphName; instance: RunningSubgraphProcess }[] = [];
  const instances = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, [] as RunningSubgraphProcess[]])) as Record<
    SubgraphName,
    RunningSubgraphProcess[]
  >;
  const stopped = new Set<RunningSubgraphProcess>();
  const stopInstance = async (instance: RunningSubgraphProcess) => {
    if (stopped.has(instance)) return;
    stopped.add(instance);
    await instance.stop();
  };
  const lateUrls: Partial<Record<SubgraphName, string>> = {};
  const start = async (name: SubgraphName) => {
    const runtime = { ...testRuntime(databaseUrl), connections: { queries: 1, jobs: 1 } };
    const instance = await runSubgraph(definitionOf(name, operatorEmail, lateUrls), runtime);
    instances[name].push(instance);
    started.push({ name, instance });
  };
  try {
    // One instance first (it creates pg-boss's tables), then the other subgraphs' first instances
    // together (each migrates its own schema), then the second ones, as replicas join a running
    // deployment. Consumers subscribe before producers relay, as every subgraph's first instance is
    // up before any write.
    await start(SUBGRAPH_NAMES[0]);
    await Promise.all(SUBGRAPH_NAMES.slice(1).map((name) => start(name)));
    await Promise.all(SUBGRAPH_NAMES.map((name) => start(name)));
    for (const name of SUBGRAPH_NAMES) {
      balancers[name] = await LoadBalancer.start(
        name,
        instances[name].map((instance, i) => ({ name: `${name}-${i + 1}`, url: instance.url })),
      );
      lateUrls[name] = balancers[name].url("/graphql");
    }
  } catch (error) {
    await Promise.all(started.map(({ instance }) => stopInstance(instance)));
    await Promise.all(Object.values(balancers).map((b) => b.close()));
    throw error;
  }

  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, balancers[name].url("/graphql")]));
  const gateways: RunningGateway[] = [];
  for (let i = 0; i < 2; i++) {
    gateways.push(
      await startGateway({
        port: 0,
        host: "127.0.0.1",
        supergraphPath: SUPERGRAPH_PATH,
        subgraphUrls,
        identityInternalUrl: balancers.identity.url(),
        portalSecret: TEST_SECRET,
        databaseUrl,
        production: false,
        // A generous budget per subgraph call: this test runs 18 servers on a busy CI machine, and a
        // call that timed out would be a failure the stops did not cause.
        subgraphTimeoutMs: 30_000,
        logging: false,
      }),
    );
  }
  const front = await LoadBalancer.start(
    "front",
    gateways.map((gateway, i) => ({ name: `gateway-${i + 1}`, url: gateway.url })),
  );
  const stoppedGateways = new Set<RunningGateway>();
  const stopGateway = async (gateway: RunningGateway) => {
    if (stoppedGateways.has(gateway)) return;
    stoppedGateways.add(gateway);
    await gateway.stop();
  };

  return {
    operatorEmail,
    front,
    balancers,
    instances,
    gateways,
    client: (host) => new PortalClient(front.port, host),
    async stopGateway(gatewayName) {
      const exposure = front.watchStop(gatewayName);
      front.remove(gatewayName);
      await stopGateway(gateways[backendIndex(gatewayName)]);
      return exposure();
    },
    async stopInstances(instanceOf) {
      const exposures = SUBGRAPH_NAMES.map((name) => [instanceOf[name], balancers[name].watchStop(instanceOf[name])] as const);
      for (const name of SUBGRAPH_NAMES) balancers[name].remove(instanceOf[name]);
      await Promise.all(SUBGRAPH_NAMES.map((name) => stopInstance(instances[name][backendIndex(instanceOf[name])])));
      return Object.fromEntries(exposures.map(([name, count]) => [name, count()]));
    },
    async stop() {
      await front.close();
      await Promise.all(gateways.map(stopGateway));
      // Producers first, consumers last, as `startPlatform` stops them.
      for (const name of [...SUBGRAPH_NAMES].reverse()) await Promise.all(instances[name].map(stopInstance));
      await Promise.all(Object.values(balancers).map((b) => b.close()));
    },
  };
}

/** "billing-2" → 1 */
function backendIndex(backendName: string): number {
  return Number(backendName.slice(backendName.lastIndexOf("-") + 1)) - 1;
}

/** Each subgraph as the test platform configures it (tests/support/platform.ts), calling the others through their load balancers. */
function definitionOf(name: SubgraphName, operatorEmail: string, urls: Partial<Record<SubgraphName, string>>): SubgraphDefinition {
  const urlOf = (other: SubgraphName) => () => {
    const url = urls[other];
    if (!url) throw new Error(`${other} has no load balancer yet`);
    return url;
  };
  switch (name) {
    case "automation":
      return createAutomationSubgraph({
        portalSecret: TEST_SECRET,
        production: false,
        mail: { fromAddress: "Portal <portal@platform.test>" },
        receiptPdf: billingReceiptPdf({ billingUrl: urlOf("billing"), portalSecret: TEST_SECRET }),
        orderReceiptPdf: billingOrderReceiptPdf({ billingUrl: urlOf("billing"), portalSecret: TEST_SECRET }),
        signedPdf: documentsSignedPdf({ documentsUrl: urlOf("documents"), portalSecret: TEST_SECRET }),
      });
    case "documents":
      return createDocumentsSubgraph({ portalSecret: TEST_SECRET, production: false });
    case "communities":
      return createCommunitiesSubgraph({ production: false });
    case "courses":
      return createCoursesSubgraph({ production: false, dripIntervalMs: 1000 });
    case "appointments":
      return createAppointmentsSubgraph({ production: false, reminderIntervalMs: 1000 });
    case "affiliates":
      return createAffiliatesSubgraph({ production: false, approvalIntervalMs: 1000 });
    case "identity":
      return createIdentitySubgraph({
        portalSecret: TEST_SECRET,
        operatorEmails: [operatorEmail],
        signInLimits: { perEmail: 50, perIp: 1000, perEmailTotal: 1000, windowSeconds: 900 },
        sessionTtlDays: 30,
        production: false,
      });
    case "billing":
      return createBillingSubgraph({ testPayments: true });
  }
}
