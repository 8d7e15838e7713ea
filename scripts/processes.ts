import { spawn, type ChildProcess } from "node:child_process";

/** Child processes with prefixed output, stopped together. */
export class ProcessGroup {
  private children: { name: string; child: ChildProcess }[] = [];
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (name: string, code: number | null) => void) {
    // Whatever ends this process, no child may outlive it.
    process.on("exit", () => {
      for (const { child } of this.children) if (child.exitCode === null) child.kill("SIGKILL");
    });
  }

  /**
   * Children get their own process group (detached), so a Ctrl-C in the terminal reaches only the
   * start script, which then stops them in order; the exit hook above still takes them down with it.
   */
  start(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", entry], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const prefix = `[${name}]`.padEnd(13);
    const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`${prefix} ${line}\n`);
    };
    child.stdout?.on("data", forward(process.stdout));
    child.stderr?.on("data", forward(process.stderr));
    child.on("exit", (code) => {
      if (!this.stopping) this.onUnexpectedExit(name, code);
    });
    this.children.push({ name, child });
    return child;
  }

  /** SIGTERM in reverse start order, then SIGKILL whatever is still there after the grace period. */
  async stopAll(graceMs = 8000): Promise<void> {
    this.stopping = true;
    for (const { child } of [...this.children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
  }
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s`);
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
