import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapStatistics, writeHeapSnapshot } from "node:v8";
import { startBenchGateway } from "./bench-gateway.js";
import { serveControl } from "./live-control.js";

/**
 * Child process for the live benchmark: the gateway in production mode, started as
 * gateway-process.ts starts it, plus an event-loop delay monitor the bench restarts before a
 * delivery (`loop-delay-reset`) and reads after it (`loop-delay`), through the control door.
 * `memory` reads where the process's memory is (V8 heap, memory outside it); `heap-snapshot`
 * writes a heap snapshot into the given folder.
 */
const gateway = await startBenchGateway();

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const ms = (nanoseconds: number) => nanoseconds / 1e6;
const door = await serveControl({
  // Started with --expose-gc: a collection before reading resident memory takes garbage out of the figure.
  gc: () => globalThis.gc?.(),
  "loop-delay-reset": () => {
    delay.reset();
    return {};
  },
  "loop-delay": () => ({
    p50: ms(delay.percentile(50)),
    p99: ms(delay.percentile(99)),
    max: ms(delay.max),
    samples: delay.count,
  }),
  memory: () => {
    const usage = process.memoryUsage();
    const heap = getHeapStatistics();
    return {
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      mallocedMemory: heap.malloced_memory,
      residentKb: residentByMapping(),
      ...gateway.answeredBy(),
    };
  },
  "heap-snapshot": (body) => ({ path: writeHeapSnapshot(body.path ? String(body.path) : undefined) }),
});
console.log(JSON.stringify({ url: gateway.url, controlUrl: door.url }));

/**
 * Resident memory by kind of mapping (Linux, else {}): `brk` is the C heap's main arena (malloc:
 * sockets' native state, read buffers), `anonymous` the other private mappings (V8's heap pages,
 * large mallocs), `files` code and data of loaded files.
 */
function residentByMapping(): Record<string, number> {
  let text: string;
  try {
    text = readFileSync("/proc/self/smaps", "utf8");
  } catch {
    return {};
  }
  const kinds: Record<string, number> = { brk: 0, anonymous: 0, files: 0, other: 0 };
  let kind = "other";
  for (const line of text.split("\n")) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1] ?? "";
      kind = name === "[heap]" ? "brk" : name === "" ? "anonymous" : name.startsWith("/") ? "files" : "other";
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (rss) kinds[kind] = (kinds[kind] ?? 0) + Number(rss[1]);
  }
  return kinds;
}
process.on("SIGTERM", () => void Promise.all([door.close(), gateway.stop()]).finally(() => process.exit(0)));
