import { writeFileSync } from "node:fs";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IService } from "kubernetes-models/v1/Service";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { stringify } from "yaml";
import { LIVENESS_PATH, READINESS_PATH } from "../subgraphs/kit/src/observability/health.js";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * The Kubernetes manifests of deploy/kubernetes/, written from the subgraph list so that a new
 * subgraph gets its Deployment, Service and address without anyone editing YAML:
 * `npx tsx scripts/deploy-manifests.ts` (tests/deploy.test.ts fails while the files are stale).
 * Every object is typed by kubernetes-models, so a misspelt field does not compile.
 */
export const IMAGE = "client-portal:latest";
export const CONFIG_MAP = "portal-config";
/** The Secret operators create (docs/operations.md, "Deploy"); optional keys may be left out. */
export const SECRET = "portal-secrets";
export const GATEWAY = { name: "gateway", port: 4000 };
/** The Kubernetes Service of a process: `portal-<name>`. */
export const serviceName = (name: string) => `portal-${name}`;

const labels = (component: string) => ({ "app.kubernetes.io/name": "client-portal", "app.kubernetes.io/component": component });

/** Settings every process reads that are not secret; operators patch them (kustomize) for their domain. */
function configMap(): IConfigMap {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: CONFIG_MAP, labels: labels("config") },
    data: {
      NODE_ENV: "production",
      PORTAL_URL_TEMPLATE: "https://{slug}.portal.example.com",
      PLATFORM_URL: "https://portal.example.com",
      PLATFORM_OPERATOR_EMAILS: "operator@example.com",
      MAIL_FROM: "Client Portal <portal@example.com>",
      // One ingress controller in front of the gateway.
      TRUST_PROXY: "1",
      // Connections per subgraph replica: 8 subgraphs x 2 replicas x (6 + 3) = 144, and a few per gateway;
      // PostgreSQL's max_connections must allow for them (its default is 100).
      DATABASE_POOL_MAX: "6",
      JOBS_POOL_MAX: "3",
      ...Object.fromEntries(SUBGRAPHS.map((s) => [s.urlVariable, `http://${serviceName(s.name)}:${s.port}/graphql`])),
    },
  };
}

const secretVariable = (name: string, optional: boolean): IEnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: SECRET, key: name, ...(optional ? { optional: true } : {}) } },
});

/** Secrets every process needs, then those of one subgraph. */
const SHARED_SECRETS: IEnvVar[] = [
  secretVariable("DATABASE_URL", false),
  secretVariable("PORTAL_SECRET", false),
  secretVariable("PORTAL_SECRET_PREVIOUS", true),
];
const OWN_SECRETS: Record<string, string[]> = {
  automation: ["POSTMARK_SERVER_TOKEN"],
  billing: ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"],
  documents: ["SIGNING_CERTIFICATE_P12", "SIGNING_CERTIFICATE_PASSPHRASE"],
};

function podSpec(
  process: string,
  container: Omit<IPodSpec["containers"][number], "name" | "image">,
  restartPolicy?: IPodSpec["restartPolicy"],
): IPodSpec {
  return {
    ...(restartPolicy ? { restartPolicy } : {}),
    // The image's `node` user.
    securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 },
    // SIGTERM drains in-flight requests and live subscriptions first.
    terminationGracePeriodSeconds: 30,
    containers: [
      {
        name: process,
        image: IMAGE,
        envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
        env: [...SHARED_SECRETS, ...(OWN_SECRETS[process] ?? []).map((name) => secretVariable(name, true))],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
        // Kubernetes stops sending traffic to a terminating pod only after its endpoints update: wait
        // that out before SIGTERM, so what still arrives is answered rather than refused.
        lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } },
        ...container,
      },
    ],
  };
}

function deployment(name: string, port: number, resources: { cpu: string; memory: string; memoryLimit: string }): IDeployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: serviceName(name), labels: labels(name) },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels(name) },
      // A new pod answers /readyz before an old one stops.
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels(name) },
        spec: podSpec(name, {
          args: [name],
          ports: [{ name: "http", containerPort: port }],
          // A subgraph applies pending migrations and creates its job queues before it listens: up to 3 minutes
          // on a new database with every replica starting at once.
          startupProbe: { httpGet: { path: LIVENESS_PATH, port: "http" }, periodSeconds: 3, failureThreshold: 60 },
          livenessProbe: { httpGet: { path: LIVENESS_PATH, port: "http" }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
          readinessProbe: { httpGet: { path: READINESS_PATH, port: "http" }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
          resources: {
            requests: { cpu: resources.cpu, memory: resources.memory },
            limits: { memory: resources.memoryLimit },
          },
        }),
      },
    },
  };
}

function service(name: string, port: number, servicePort = port): IService {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: serviceName(name), labels: labels(name) },
    spec: { selector: labels(name), ports: [{ name: "http", port: servicePort, targetPort: "http" }] },
  };
}

/** Voluntary evictions (node drains) keep one replica of each process answering. */
function disruptionBudget(name: string): IPodDisruptionBudget {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: serviceName(name), labels: labels(name) },
    spec: { minAvailable: 1, selector: { matchLabels: labels(name) } },
  };
}

/** The release step: every subgraph's migrations, run before rolling out a new image. */
export function migrateJob(): IJob {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "portal-migrate", labels: labels("migrate") },
    spec: {
      backoffLimit: 3,
      // Gone an hour after it finished, so the next release can apply it again.
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels: labels("migrate") },
        spec: podSpec(
          "migrate",
          { args: ["migrate"], resources: { requests: { cpu: "100m", memory: "192Mi" }, limits: { memory: "512Mi" } } },
          "Never",
        ),
      },
    },
  };
}

/** Every long-running object: the settings, then each subgraph's and the gateway's Deployment, Service and budget. */
export function portalObjects(): (IConfigMap | IDeployment | IService | IPodDisruptionBudget)[] {
  const subgraphSize = { cpu: "100m", memory: "192Mi", memoryLimit: "512Mi" };
  const gatewaySize = { cpu: "200m", memory: "256Mi", memoryLimit: "768Mi" };
  return [
    configMap(),
    ...SUBGRAPHS.flatMap((s) => [deployment(s.name, s.port, subgraphSize), service(s.name, s.port), disruptionBudget(s.name)]),
    deployment(GATEWAY.name, GATEWAY.port, gatewaySize),
    // Point the ingress at portal-gateway:80.
    service(GATEWAY.name, GATEWAY.port, 80),
    disruptionBudget(GATEWAY.name),
  ];
}

const HEADER =
  "# Generated by scripts/deploy-manifests.ts from scripts/subgraphs.ts: edit that, then run `npx tsx scripts/deploy-manifests.ts`.\n";

export function manifestFiles(): Record<string, string> {
  const documents = (objects: object[]) => HEADER + objects.map((object) => stringify(object, { lineWidth: 0 })).join("---\n");
  return {
    "deploy/kubernetes/portal.yaml": documents(portalObjects()),
    "deploy/kubernetes/migrate-job.yaml": documents([migrateJob()]),
  };
}

if (import.meta.main) {
  for (const [path, text] of Object.entries(manifestFiles())) writeFileSync(path, text);
  console.log("Wrote deploy/kubernetes/portal.yaml and migrate-job.yaml.");
}
