import { execSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
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

/**
 * For test runs: builds web/dist when stale, and when the build fails (a type error in the app),
 * removes web/dist instead of stopping the run, so the tests that drive the app fail, naming the
 * missing build, and the server tests still run.
 */
export function buildWebForTests(): void {
  try {
    buildWebIfStale();
  } catch {
    console.error("The web app did not build (see above): tests that open it will fail.");
    rmSync("web/dist", { recursive: true, force: true });
  }
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
