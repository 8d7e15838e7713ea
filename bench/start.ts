import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { freePorts } from "../scripts/free-ports.js";

const TARGET_SECONDS = 10;
const TARGET_BYTES = 1.2 * 1024 ** 3;
/** A query the gateway can only answer once identity answers behind it. */
const QUERY = "{ portal { business { name } } }";
/** How long to keep sampling memory after the first answer: the demo seeding and the workers settle meanwhile. */
const SETTLE_MS = 5000;

export interface StartBenchResult {
  seconds: number;
  /** Largest sum of resident memory over the whole process tree of `npm start` while settling. */
  rssBytes: number;
  /** The same sample split by command (node, postgres, npm, …). */
  rssByCommand: Record<string, number>;
  processes: number;
}

/**
 * `npm start` as a developer runs it a second time: a scratch data folder is initialised by a first
 * run (embedded PostgreSQL, migrations, demo data), then a second run is timed from its spawn until
 * the gateway answers a query on /graphql, and the resident memory of its whole process tree is
 * summed. Every port is a free one, so it never collides with a portal already running.
 */
export async function startBench(): Promise<StartBenchResult> {
  mkdirSync(".data", { recursive: true });
  const dataDir = mkdtempSync(join(".data", "bench-start-"));
  try {
    const env = await scratchEnvironment(dataDir);
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    console.log(`First run (initialises ${dataDir})…`);
    await runOnce(env, async (run) => {
      await untilAnswers(gateway, run.child, 300_000);
      await run.outputLine(/Demo content (ready|not finished)/, 300_000);
    });
    console.log("Second run (timed)…");
    return await runOnce(env, async (run) => {
      const seconds = await untilAnswers(gateway, run.child, 120_000);
      let peak = treeMemory(run.child.pid!);
      for (const settleEnd = Date.now() + SETTLE_MS; Date.now() < settleEnd; ) {
        await sleep(250);
        const sample = treeMemory(run.child.pid!);
        if (sample.rssBytes > peak.rssBytes) peak = sample;
      }
      return { seconds, ...peak };
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printStartBench(result: StartBenchResult): void {
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(
    `npm start, second run: /graphql answers after ${result.seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS} s: ${met(result.seconds <= TARGET_SECONDS)})`,
  );
  console.log(
    `npm start, memory once up: ${gib(result.rssBytes)} RSS over ${result.processes} processes (target ≤ ${gib(TARGET_BYTES)}: ${met(result.rssBytes <= TARGET_BYTES)})`,
  );
  const parts = Object.entries(result.rssByCommand).sort(([, a], [, b]) => b - a);
  console.log(`  ${parts.map(([command, bytes]) => `${command} ${(bytes / 1024 ** 2).toFixed(0)} MB`).join(", ")}`);
}

interface Run {
  child: ChildProcess;
  /** Resolves when a line of the run's output matches. */
  outputLine: (pattern: RegExp, timeoutMs: number) => Promise<string>;
}

/** Runs `npm start` in its own process group, hands it to `work`, then stops it as Ctrl-C would and waits for the whole tree to end. */
async function runOnce<T>(env: NodeJS.ProcessEnv, work: (run: Run) => Promise<T>): Promise<T> {
  const child = spawn("npm", ["start"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wait of [...waiting]) {
      const line = output.split("\n").find((l) => wait.pattern.test(l));
      if (line !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(line);
      }
    }
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const outputLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start printed no line matching ${pattern} within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      waiting.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      collect(Buffer.alloc(0));
    });
  const tree = () => descendants(child.pid!);
  let everSeen = new Set<number>();
  const remember = setInterval(() => (everSeen = new Set([...everSeen, ...tree()])), 500);
  try {
    return await work({ child, outputLine });
  } catch (error) {
    console.error(output.split("\n").slice(-40).join("\n"));
    throw error;
  } finally {
    clearInterval(remember);
    everSeen = new Set([...everSeen, ...tree()]);
    await stop(child);
    // Anything of the run still there after it stopped (it should not be) is ended too.
    for (const pid of everSeen) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGINT");
  const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
  await exited;
  clearTimeout(force);
}

/** Seconds from the child's spawn until the gateway answers `QUERY` with data. */
async function untilAnswers(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const spawnedAt = performance.now();
  while (performance.now() - spawnedAt < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as { data?: { portal?: unknown }; errors?: unknown[] };
      if (response.ok && body.data?.portal && !body.errors) return (performance.now() - spawnedAt) / 1000;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Free ports for every server of the run, and no DATABASE_URL, so that it uses its own embedded PostgreSQL. */
async function scratchEnvironment(dataDir: string): Promise<NodeJS.ProcessEnv> {
  const names = ["GATEWAY_PORT", "IDENTITY_PORT", "AUTOMATION_PORT", "BILLING_PORT", "DOCUMENTS_PORT", "EMBEDDED_POSTGRES_PORT"];
  const ports = await freePorts(names.length);
  return { ...Object.fromEntries(names.map((name, i) => [name, String(ports[i])])), PORTAL_DATA_DIR: dataDir, DATABASE_URL: "" };
}

/** Every process below `root` (and `root` itself), from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!pid) continue;
    const parent = statField(pid, 1);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** A numeric field of /proc/<pid>/stat after the command (0 = state, 1 = parent pid), or null when the process is gone. */
function statField(pid: number, index: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[index]);
  } catch {
    return null;
  }
}

function treeMemory(root: number): Omit<StartBenchResult, "seconds"> {
  const rssByCommand: Record<string, number> = {};
  let rssBytes = 0;
  let processes = 0;
  for (const pid of descendants(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      const command = commandOf(pid, /^Name:\s+(.+)$/m.exec(status)?.[1] ?? "?");
      rssByCommand[command] = (rssByCommand[command] ?? 0) + rss;
      rssBytes += rss;
      processes++;
    } catch {
      /* ended meanwhile */
    }
  }
  return { rssBytes, rssByCommand, processes };
}

/** A Node.js process by the script it runs (`start.ts`, `main.ts`), anything else by its name. */
function commandOf(pid: number, name: string): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    if (!/node|MainThread/.test(name)) return name;
    const script = args.findLast((arg) => /\.[cm]?[jt]s$/.test(arg));
    return script ? `node ${script.split("/").slice(-3).join("/")}` : "node";
  } catch {
    return name;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
