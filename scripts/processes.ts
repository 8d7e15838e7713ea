import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { get } from "node:http";

/** How long to wait before restarting a child that exited on its own. */
export interface RestartPolicy {
  /** Wait before the first restart; it doubles with each exit in a row. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A child that has stayed up this long counts as healthy again: its next restart waits `firstDelayMs`. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 };

export interface SupervisorOptions {
  policy?: Partial<RestartPolicy>;
  /** Arguments before the entry file; TypeScript entries run through tsx. */
  nodeArgs?: string[];
  /** Where supervision reports what it does ("billing exited (code 1); restarting in 1 s"). */
  log?: (line: string) => void;
}

/** One supervised child: the process currently running for it, if any, across restarts. */
export interface SupervisedChild {
  readonly name: string;
  /** The running process, or the last one while a restart is pending. */
  readonly process: ChildProcess;
  readonly state: "running" | "restarting" | "stopped";
}

interface Supervised extends SupervisedChild {
  entry: string;
  env: NodeJS.ProcessEnv;
  nodeArgs: string[];
  process: ChildProcess;
  state: "running" | "restarting" | "stopped";
  nextDelayMs: number;
  restartTimer: NodeJS.Timeout | null;
  stableTimer: NodeJS.Timeout | null;
}

export interface SupervisorEvents {
  /** A process started for `name` (the first time, or again after an exit). */
  spawn: [name: string, child: ChildProcess];
  /** A child exited on its own; it will be started again after `restartInMs`. */
  exit: [name: string, code: number | null, signal: NodeJS.Signals | null, restartInMs: number];
  /** A child stayed up long enough that its backoff starts over. */
  stable: [name: string];
  /** A child exited because `stopAll` asked it to. */
  stopped: [name: string, code: number | null, signal: NodeJS.Signals | null];
}

/**
 * Node child processes with prefixed output, restarted when they exit on their own (with
 * exponential backoff, so a child that cannot start does not spin) and stopped together, in reverse
 * start order, on `stopAll`.
 */
export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly children: Supervised[] = [];
  private readonly policy: RestartPolicy;
  private readonly nodeArgs: string[];
  private readonly log: (line: string) => void;
  private stopping = false;

  constructor(options: SupervisorOptions = {}) {
    super();
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
    this.nodeArgs = options.nodeArgs ?? ["--import", "tsx"];
    this.log = options.log ?? ((line) => console.error(line));
    // Whatever ends this process, no child may outlive it.
    process.on("exit", () => {
      for (const { process: child } of this.children) if (isRunning(child)) child.kill("SIGKILL");
    });
  }

  /** `nodeArgs`: Node.js arguments for this child alone, after the supervisor's own. */
  start(name: string, entry: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): SupervisedChild {
    if (this.stopping) throw new Error(`Cannot start ${name}: stopping`);
    const supervised = {
      name,
      entry,
      env,
      nodeArgs,
      state: "running",
      nextDelayMs: this.policy.firstDelayMs,
      restartTimer: null,
      stableTimer: null,
    } as Supervised;
    this.children.push(supervised);
    this.spawn(supervised);
    return supervised;
  }

  /**
   * SIGTERM in reverse start order (the database, started first, stops last), waiting for each;
   * SIGKILL for one still there after `graceMs`. Pending restarts are cancelled.
   */
  async stopAll(graceMs = 8000): Promise<void> {
    this.stopping = true;
    for (const supervised of this.children) this.clearTimers(supervised);
    for (const supervised of [...this.children].reverse()) {
      const child = supervised.process;
      if (isRunning(child)) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      supervised.state = "stopped";
    }
  }

  /**
   * Children get their own process group (detached), so a Ctrl-C in the terminal reaches only the
   * supervising process, which then stops them in order; the exit hook still takes them down with it.
   */
  private spawn(supervised: Supervised): void {
    const child = spawn(process.execPath, [...this.nodeArgs, ...supervised.nodeArgs, supervised.entry], {
      env: { ...process.env, ...supervised.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const prefix = `[${supervised.name}]`.padEnd(13);
    const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`${prefix} ${line}\n`);
    };
    child.stdout?.on("data", forward(process.stdout));
    child.stderr?.on("data", forward(process.stderr));
    // Without a listener, a child that cannot be spawned or signalled would throw here and end the supervisor.
    child.on("error", (error) => this.log(`${supervised.name} could not be started: ${error.message}`));
    child.once("exit", (code, signal) => this.onExit(supervised, child, code, signal));
    supervised.process = child;
    supervised.state = "running";
    supervised.stableTimer = setTimeout(() => {
      supervised.stableTimer = null;
      supervised.nextDelayMs = this.policy.firstDelayMs;
      this.emit("stable", supervised.name);
    }, this.policy.stableAfterMs).unref();
    this.emit("spawn", supervised.name, child);
  }

  private onExit(supervised: Supervised, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (supervised.process !== child) return;
    this.clearTimers(supervised);
    if (this.stopping) {
      this.emit("stopped", supervised.name, code, signal);
      return;
    }
    const delay = supervised.nextDelayMs;
    supervised.nextDelayMs = Math.min(delay * 2, this.policy.maxDelayMs);
    supervised.state = "restarting";
    this.log(`${supervised.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${seconds(delay)}`);
    supervised.restartTimer = setTimeout(() => {
      supervised.restartTimer = null;
      if (!this.stopping) this.spawn(supervised);
    }, delay);
    this.emit("exit", supervised.name, code, signal, delay);
  }

  private clearTimers(supervised: Supervised): void {
    if (supervised.restartTimer) clearTimeout(supervised.restartTimer);
    if (supervised.stableTimer) clearTimeout(supervised.stableTimer);
    supervised.restartTimer = null;
    supervised.stableTimer = null;
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.pid !== undefined;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answersOk(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s`);
}

/**
 * One GET: true on a 2xx answer. node:http rather than fetch, which would load undici (some 20 MB)
 * into the supervising process for a few health checks.
 */
function answersOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false)); // not listening yet
  });
}

/** Resolves with the first line of `child`'s output that starts with `prefix`, minus the prefix. */
export function waitForLine(child: ChildProcess, prefix: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error(`No "${prefix}" line within ${timeoutMs / 1000}s`)), timeoutMs);
    child.once("exit", (code) => reject(new Error(`exited with code ${code} before "${prefix}"`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split("\n").find((l) => l.startsWith(prefix));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(prefix.length).trim());
      }
    });
  });
}
