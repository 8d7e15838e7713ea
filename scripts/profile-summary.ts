import { readFileSync } from "node:fs";

/**
 * `tsx scripts/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile (node --cpu-prof)
 * spent its time, by package (self time of every function in node_modules/<package>, the project's
 * own folders, Node.js internals) and by function, as percentages of the busy (non-idle) time.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx scripts/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const intervalMs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000 / Math.max(1, profile.samples.length);

const IDLE = new Set(["(idle)", "(program)"]);
let busy = 0;
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  if (IDLE.has(functionName) || node.hitCount === 0) continue;
  busy += node.hitCount;
  const where = packageOf(url, functionName);
  byPackage.set(where, (byPackage.get(where) ?? 0) + node.hitCount);
  const name = `${functionName || "(anonymous)"}  ${shortUrl(url)}:${lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + node.hitCount);
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.startsWith("node:")) return "node: internals";
  const project = /\/work\/[^/]+\/([^/]+(?:\/[^/]+)?)/.exec(url);
  return project ? project[1] : url;
}

function shortUrl(url: string): string {
  return url.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/work\/[^/]+\//, "");
}

const percent = (hits: number) => `${((hits / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(busy * intervalMs).toFixed(0)} ms busy over ${profile.samples.length} samples`);
console.log("\nBy package (self time):");
for (const [name, hits] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${percent(hits)}  ${name}`);
console.log("\nBy function (self time):");
for (const [name, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${percent(hits)}  ${name}`);
