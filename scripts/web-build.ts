import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the build reads: a change to any of these makes web/dist stale. */
const SOURCES = ["web/src", "web/build", "web/index.html", "web/vite.config.ts", "web/package.json"];

/** Builds web/dist when it is missing or older than any of its sources. */
export function buildWebIfStale(): void {
  const dist = "web/dist/index.html";
  if (existsSync(dist) && Math.max(...SOURCES.map(newestMtime)) <= statSync(dist).mtimeMs) return;
  console.log("Building the web app…");
  execSync("npm run build -w web", { stdio: "inherit" });
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}
