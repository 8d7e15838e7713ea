import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Builds web/dist when it is missing or older than any file under web/src. */
export function buildWebIfStale(): void {
  const dist = "web/dist/index.html";
  if (existsSync(dist) && newestMtime("web/src") <= statSync(dist).mtimeMs) return;
  console.log("Building the web app…");
  execSync("npm run build -w web", { stdio: "inherit" });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    newest = Math.max(newest, stats.isDirectory() ? newestMtime(path) : stats.mtimeMs);
  }
  return newest;
}
