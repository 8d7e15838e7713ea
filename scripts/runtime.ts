import { readFileSync } from "node:fs";

/**
 * The Node.js version the project runs on: the exact `node` dev dependency, which npm puts first on
 * the PATH of every `npm start` / `npm test` / `npm run` script. Running a script with another
 * Node.js (for example `npx tsx scripts/start.ts` on the system's) is refused with the way out.
 */
export function pinnedNodeVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  return manifest.devDependencies.node!;
}

export function assertPinnedNode(): void {
  const pinned = pinnedNodeVersion();
  if (process.versions.node === pinned) return;
  console.error(
    `Client Portal runs on Node.js ${pinned}, this is ${process.versions.node}. Start it through npm (npm start, npm test, npm run …), which uses the project's own Node.js after npm install.`,
  );
  process.exit(1);
}
