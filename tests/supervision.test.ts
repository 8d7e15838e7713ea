import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Supervisor, waitForLine } from "../scripts/processes.js";

/**
 * `npm start` supervises its children with this module. Tiny child scripts stand in for PostgreSQL,
 * the subgraphs and the gateway: one exits at once, one runs until told to stop, one exits a few
 * times before it stays up, one ignores SIGTERM.
 */
const dir = mkdtempSync(join(tmpdir(), "portal-supervision-"));
const script = (name: string, source: string) => {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
};
const exits = script("exits.mjs", `console.log("started"); process.exit(1);`);
const runs = script(
  "runs.mjs",
  `const alive = setInterval(() => undefined, 1000);
   process.on("SIGTERM", () => { console.log("stopping"); clearInterval(alive); setTimeout(() => process.exit(0), 20); });
   console.log("running");`,
);
const flaky = script(
  "flaky.mjs",
  `import { existsSync, readFileSync, writeFileSync } from "node:fs";
   const counter = process.env.COUNTER_FILE;
   const runs = existsSync(counter) ? Number(readFileSync(counter, "utf8")) + 1 : 1;
   writeFileSync(counter, String(runs));
   if (runs <= 2) process.exit(3);
   setInterval(() => undefined, 1000);`,
);
const stubborn = script(
  "stubborn.mjs",
  `process.on("SIGTERM", () => console.log("ignoring SIGTERM")); setInterval(() => undefined, 1000); console.log("running");`,
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Stable after 2 s: far longer than a child that exits at once lives, even on a busy machine.
const policy = { firstDelayMs: 20, maxDelayMs: 80, stableAfterMs: 2000 };
let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stopAll(500);
  supervisor = undefined;
});

function supervise() {
  const lines: string[] = [];
  supervisor = new Supervisor({ policy, nodeArgs: [], log: (line) => lines.push(line) });
  return { supervisor, lines };
}

/** Resolves with the `exit` events' restart delays once `count` of them arrived for `name`. */
function restartDelays(supervisor: Supervisor, name: string, count: number): Promise<number[]> {
  const delays: number[] = [];
  return new Promise((resolve) => {
    const onExit = (exited: string, _code: number | null, _signal: NodeJS.Signals | null, restartInMs: number) => {
      if (exited !== name) return;
      delays.push(restartInMs);
      if (delays.length === count) {
        supervisor.off("exit", onExit);
        resolve(delays);
      }
    };
    supervisor.on("exit", onExit);
  });
}

const once = <T extends unknown[]>(supervisor: Supervisor, event: "spawn" | "stable" | "stopped", name: string) =>
  new Promise<T>((resolve) => {
    const listener = (...args: unknown[]) => {
      if (args[0] !== name) return;
      supervisor.off(event, listener as never);
      resolve(args as T);
    };
    supervisor.on(event, listener as never);
  });

describe("process supervision", () => {
  it("restarts a child that keeps exiting, waiting twice as long each time up to the ceiling", async () => {
    const { supervisor, lines } = supervise();
    const delays = restartDelays(supervisor, "billing", 5);
    supervisor.start("billing", exits, {});
    expect(await delays).toEqual([20, 40, 80, 80, 80]);
    expect(lines[0]).toBe("billing exited (code 1); restarting in 0.02 s");
  });

  it("restarts a child killed from outside and leaves the others alone", async () => {
    const { supervisor, lines } = supervise();
    const database = supervisor.start("postgres", runs, {});
    const gateway = supervisor.start("gateway", runs, {});
    const firstPid = database.process.pid!;
    const restarted = once<[string, ChildProcess]>(supervisor, "spawn", "postgres");
    process.kill(firstPid, "SIGKILL");
    const [, child] = await restarted;
    expect(child.pid).not.toBe(firstPid);
    expect(database.state).toBe("running");
    expect(gateway.state).toBe("running");
    expect(lines).toEqual(["postgres exited (signal SIGKILL); restarting in 0.02 s"]);
  });

  it("starts the backoff over once a child has stayed up", async () => {
    const { supervisor } = supervise();
    const counterFile = join(dir, `flaky-${Date.now()}`);
    const failures = restartDelays(supervisor, "identity", 2);
    const identity = supervisor.start("identity", flaky, { COUNTER_FILE: counterFile });
    expect(await failures).toEqual([20, 40]); // two quick exits: the next wait would be 80
    await once(supervisor, "stable", "identity"); // the third run stays up
    const afterStable = restartDelays(supervisor, "identity", 1);
    identity.process.kill("SIGKILL");
    expect(await afterStable).toEqual([20]);
  });

  it("stops everything in reverse start order, cancelling pending restarts", async () => {
    const { supervisor } = supervise();
    const output: string[] = [];
    const stoppedOrder: string[] = [];
    supervisor.on("spawn", (name, child) =>
      child.stdout?.on("data", (chunk: Buffer) => output.push(`${name}: ${chunk.toString().trim()}`)),
    );
    supervisor.on("stopped", (name, code) => stoppedOrder.push(`${name} ${code}`));
    supervisor.start("postgres", runs, {});
    supervisor.start("identity", runs, {});
    const crashing = supervisor.start("billing", exits, {});
    supervisor.start("gateway", runs, {});
    await new Promise<void>((resolve) => {
      const check = () => (output.filter((line) => line.endsWith("running")).length === 3 ? resolve() : setTimeout(check, 10));
      check();
    });
    await restartDelays(supervisor, "billing", 1); // billing now waits 20 ms or more to restart

    let spawnedAfterStop = 0;
    supervisor.on("spawn", () => spawnedAfterStop++);
    await supervisor.stopAll();
    expect(stoppedOrder).toEqual(["gateway 0", "identity 0", "postgres 0"]); // the database last; each on its own SIGTERM handler
    expect(output.filter((line) => line.endsWith("stopping"))).toEqual(["gateway: stopping", "identity: stopping", "postgres: stopping"]);
    await new Promise((resolve) => setTimeout(resolve, 10 * policy.maxDelayMs)); // well past any restart billing had pending
    expect(spawnedAfterStop).toBe(0);
    expect(crashing.state).toBe("stopped");
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    const { supervisor } = supervise();
    const child = supervisor.start("documents", stubborn, {});
    await waitForLine(child.process, "running"); // its SIGTERM handler is in place
    const stopped = once<[string, number | null, NodeJS.Signals | null]>(supervisor, "stopped", "documents");
    await supervisor.stopAll(200);
    expect((await stopped)[2]).toBe("SIGKILL");
  });
});
