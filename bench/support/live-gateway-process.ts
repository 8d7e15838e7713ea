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
      ...gateway.answeredBy(),
    };
  },
  "heap-snapshot": (body) => ({ path: writeHeapSnapshot(body.path ? String(body.path) : undefined) }),
});
console.log(JSON.stringify({ url: gateway.url, controlUrl: door.url }));
process.on("SIGTERM", () => void Promise.all([door.close(), gateway.stop()]).finally(() => process.exit(0)));
