import { execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { validate as validateDockerfile } from "dockerfile-utils";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Job } from "kubernetes-models/batch/v1/Job";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Service } from "kubernetes-models/v1/Service";
import { ownDatabase } from "@portal/kit";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { LIVENESS_PATH, READINESS_PATH } from "../subgraphs/kit/src/observability/health.js";
import { DEFAULT_TRUSTED_DOCUMENTS_PATH } from "../gateway/src/trusted-documents.js";
import { GATEWAY, manifestFiles, SECRET, serviceName } from "../scripts/deploy-manifests.js";
import { GATEWAY_NODE_ARGS } from "../scripts/portal-processes.js";
import { SUBGRAPHS } from "../scripts/subgraphs.js";
import { freePorts } from "../scripts/free-ports.js";
import { createDevelopmentCertificate } from "../subgraphs/documents/src/pdf/index.js";

/**
 * The deploy files (Dockerfile, deploy/) name every process; these tests keep them complete when a
 * subgraph is added to scripts/subgraphs.ts, and run the files' own validators where they are
 * installed (.ci/run installs them): docker-compose, yamllint, shellcheck, and dockerfile-utils and
 * kubernetes-models from npm. Building the image needs a Docker daemon, which neither CI nor the test
 * machines have.
 */
const read = (path: string) => readFileSync(path, "utf8");
const installed = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const PROCESSES = [...SUBGRAPHS.map((s) => ({ name: s.name, port: s.port })), GATEWAY];

describe("the image", () => {
  const dockerfile = read("Dockerfile");
  const entrypoint = read("deploy/entrypoint.sh");

  it("is a valid Dockerfile", () => {
    expect(validateDockerfile(dockerfile).map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`)).toEqual([]);
  });

  it("installs every server package's dependencies, and only production ones in the image it runs", () => {
    const manifests = ["gateway", ...packageDirs("subgraphs")].map((dir) => `${dir}/package.json`);
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const [build, deps, final] = stages;
    for (const manifest of manifests) {
      expect(build, manifest).toContain(`COPY ${manifest} `);
      expect(deps, manifest).toContain(`COPY ${manifest} `);
    }
    expect(deps).toMatch(/npm ci --omit=dev/);
    expect(deps).not.toContain("web/package.json");
    expect(final).toMatch(/^USER node$/m);
    // The gateway reads the web app's persisted documents from there (relative to /app).
    expect(final).toContain(
      `COPY --from=build /app/${DEFAULT_TRUSTED_DOCUMENTS_PATH} ./${DEFAULT_TRUSTED_DOCUMENTS_PATH.replace(/[^/]+$/, "")}`,
    );
    expect(final).not.toMatch(/npm (ci|install)/);
  });

  it("starts each subgraph, the gateway (with its Node.js arguments) and the migrations by name", () => {
    const names = entrypoint.match(/^ {2}([a-z |]+)\)$/gm)?.flatMap((line) =>
      line
        .replace(")", "")
        .split("|")
        .map((n) => n.trim()),
    );
    expect(names?.filter((name) => SUBGRAPHS.some((s) => s.name === name)).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    for (const entry of SUBGRAPHS) expect(entry.entry).toBe(`subgraphs/${entry.name}/src/main.ts`);
    expect(entrypoint).toContain('exec node "dist/subgraphs/$process/src/main.js"');
    expect(entrypoint).toContain(`exec node ${GATEWAY_NODE_ARGS.join(" ")} dist/gateway/src/main.js`);
    expect(entrypoint).toContain("exec node dist/scripts/migrate.js");
    expect(entrypoint).toContain("exec node dist/scripts/subgraph-host.js");
    expect(spawnSync("sh", ["-n", "deploy/entrypoint.sh"]).status).toBe(0);
  });

  it.skipIf(!installed("shellcheck"))("passes shellcheck", () => {
    execFileSync("shellcheck", ["deploy/entrypoint.sh"]);
  });
});

describe("the Compose stack", () => {
  type ComposeService = {
    command?: string;
    deploy?: { replicas?: number };
    healthcheck?: { test: string[] };
    environment?: Record<string, string>;
    depends_on?: Record<string, { condition: string }>;
  };
  const compose = parse(read("deploy/compose.yaml"), { merge: true }) as { services: Record<string, ComposeService> };

  it("runs two replicas of every subgraph and the gateway, each checked on /readyz, after the migrations", () => {
    for (const { name, port } of PROCESSES) {
      const service = compose.services[name];
      expect(service, name).toBeDefined();
      expect(service?.command).toBe(name);
      expect(service?.deploy?.replicas).toBe(2);
      expect(service?.healthcheck?.test).toEqual(["CMD", "portal", "healthcheck", `http://127.0.0.1:${port}${READINESS_PATH}`]);
      expect(service?.depends_on?.migrate).toEqual({ condition: "service_completed_successfully" });
    }
    expect(compose.services.migrate?.command).toBe("migrate");
  });

  it("tells every process where each subgraph answers", () => {
    for (const { name } of PROCESSES) {
      for (const subgraph of SUBGRAPHS) {
        expect(compose.services[name]?.environment?.[subgraph.urlVariable]).toBe(`http://${subgraph.name}:${subgraph.port}/graphql`);
      }
    }
  });

  it("gives the gateway an address variable it reads for every subgraph", () => {
    const gatewayMain = read("gateway/src/main.ts");
    for (const subgraph of SUBGRAPHS) {
      expect(gatewayMain, subgraph.urlVariable).toContain(`${subgraph.name}: config.${subgraph.urlVariable},`);
    }
  });

  it.skipIf(!installed("docker-compose"))("is valid for docker-compose", () => {
    execFileSync("docker-compose", ["-f", "deploy/compose.yaml", "config", "-q"], {
      env: { ...process.env, PORTAL_ENV_FILE: ".env.example" },
      stdio: ["ignore", "ignore", "pipe"],
    });
  });
});

describe("the Kubernetes manifests", () => {
  const files = manifestFiles();
  const objects = Object.keys(files).flatMap((path) => parseAllDocuments(read(path)).map((document) => document.toJS()));
  const MODELS = { ConfigMap, Deployment, Service, PodDisruptionBudget, Job } as const;

  it("are the ones scripts/deploy-manifests.ts writes from the subgraph list (run it after adding a subgraph)", () => {
    for (const [path, text] of Object.entries(files)) expect(read(path), path).toBe(text);
  });

  it("are valid Kubernetes objects", () => {
    for (const object of objects) {
      const Model = MODELS[object.kind as keyof typeof MODELS];
      expect(Model, object.kind).toBeDefined();
      expect(() => new Model(object).validate(), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it("run two replicas of every subgraph and the gateway, with liveness on /healthz and readiness on /readyz", () => {
    for (const { name, port } of PROCESSES) {
      const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === serviceName(name));
      expect(deployment, name).toBeDefined();
      expect(deployment.spec.replicas).toBe(2);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.args).toEqual([name]);
      expect(container.ports).toEqual([{ name: "http", containerPort: port }]);
      expect(container.livenessProbe.httpGet.path).toBe(LIVENESS_PATH);
      expect(container.readinessProbe.httpGet.path).toBe(READINESS_PATH);
      const secretKeys = container.env.map((variable: { valueFrom: { secretKeyRef: { name: string; key: string } } }) => {
        expect(variable.valueFrom.secretKeyRef.name).toBe(SECRET);
        return variable.valueFrom.secretKeyRef.key;
      });
      expect(secretKeys).toEqual(expect.arrayContaining(["DATABASE_URL", "PORTAL_SECRET", "PORTAL_SECRET_PREVIOUS"]));
      expect(objects.some((o) => o.kind === "Service" && o.metadata.name === serviceName(name))).toBe(true);
    }
    const job = objects.find((o) => o.kind === "Job");
    expect(job.spec.template.spec.containers[0].args).toEqual(["migrate"]);
  });

  it.skipIf(!installed("yamllint"))("and the Compose file pass yamllint", () => {
    execFileSync("yamllint", [
      "--strict",
      "-c",
      "deploy/.yamllint.yaml",
      "deploy/compose.yaml",
      "deploy/kubernetes",
      "deploy/.yamllint.yaml",
    ]);
  });
});

describe("the migrate command", () => {
  const database = ownDatabase(inject("databaseUrl" as never) as string, "deploy_migrate");
  afterAll(() => database.drop());
  /** `migrate` as an operator runs it from a checkout: its own process, only DATABASE_URL given. */
  const migrate = () =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "scripts/migrate.ts"],
        { env: { ...process.env, DATABASE_URL: database.url } },
        (error, stdout, stderr) => resolve({ status: error ? ((error.code as number) ?? 1) : 0, stdout, stderr }),
      );
    });

  it("applies every subgraph's migrations to an empty database, and finds nothing left the second time", async () => {
    await database.create();
    const first = await migrate();
    expect(first.status, first.stderr).toBe(0);
    const client = new pg.Client({ connectionString: database.url });
    client.on("error", () => undefined); // the database is dropped with its connections after the test
    await client.connect();
    try {
      for (const entry of SUBGRAPHS) {
        const definition = await entry.define("schema-only".padEnd(32, "-"));
        const applied = await client.query(`select name from "${definition.schema}"."mikro_orm_migrations" order by id`);
        expect(
          applied.rows.map((row) => row.name),
          entry.name,
        ).toEqual(definition.migrations.map((m) => m.name));
      }
    } finally {
      await client.end();
    }
    const second = await migrate();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim().split("\n")).toEqual(SUBGRAPHS.map((entry) => `[migrate] ${entry.name}: up to date`));
  }, 180_000);
});

describe("the subgraphs command (the small deployment)", () => {
  const database = ownDatabase(inject("databaseUrl" as never) as string, "deploy_host");
  afterAll(() => database.drop());

  it("serves every subgraph from one production process, adds no demo data, and stops cleanly", async () => {
    await database.create();
    const ports = await freePorts(SUBGRAPHS.length);
    const certificate = createDevelopmentCertificate("Client Portal deploy test");
    const host = spawn(process.execPath, ["--import", "tsx", "scripts/subgraph-host.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        PORTAL_SECRET: "deploy-host".padEnd(64, "-"),
        PORTAL_URL_TEMPLATE: "https://{slug}.portal.deploy.test",
        PLATFORM_URL: "https://portal.deploy.test",
        // Small pools: the suite's other files share the test database server's connections.
        DATABASE_POOL_MAX: "2",
        JOBS_POOL_MAX: "1",
        SIGNING_CERTIFICATE_P12: certificate.p12.toString("base64"),
        SIGNING_CERTIFICATE_PASSPHRASE: certificate.passphrase,
        ...Object.fromEntries(SUBGRAPHS.map((entry, i) => [entry.portVariable, String(ports[i])])),
        ...Object.fromEntries(SUBGRAPHS.map((entry, i) => [entry.urlVariable, `http://127.0.0.1:${ports[i]}/graphql`])),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    host.stdout.on("data", (chunk) => (output += chunk));
    host.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => host.once("exit", (code) => resolve(code)));
    try {
      for (const [i, entry] of SUBGRAPHS.entries()) {
        const ready = await poll(`http://127.0.0.1:${ports[i]}${READINESS_PATH}`, exited);
        expect(ready, `${entry.name} is not ready:\n${output}`).toBe(200);
      }
      const client = new pg.Client({ connectionString: database.url });
      client.on("error", () => undefined);
      await client.connect();
      try {
        expect((await client.query("select count(*)::int as n from identity.business")).rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      host.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
  }, 120_000);
});

/** The status `url` answers with, asked every 200 ms until it answers 200 or the process ends (60 s at most). */
async function poll(url: string, exited: Promise<unknown>): Promise<number> {
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 60_000;
  let status = 0;
  while (!ended && Date.now() < deadline) {
    status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return status;
}

/** Folders under `dir` that are packages, e.g. `subgraphs/kit`. */
function packageDirs(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => `${dir}/${name}`)
    .filter((path) => existsSync(`${path}/package.json`));
}
