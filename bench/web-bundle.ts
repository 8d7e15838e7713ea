import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const WEB = fileURLToPath(new URL("../web/", import.meta.url));
const TARGET_KB = 150;
/**
 * The page modules of the portal's sign-in page and client dashboard. Either is in the entry chunk
 * (loaded eagerly) or a lazily loaded chunk of its own, which then counts with its imports.
 */
const FIRST_PAGES = ["src/portal/PortalSignInPage.tsx", "src/portal/DashboardPage.tsx"];

/** One chunk of Vite's build manifest (web/dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface WebBundleResult {
  /** The JavaScript files a browser loads for the sign-in page and the dashboard, with their gzip size in bytes. */
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
  meetsTarget: boolean;
}

/**
 * Builds the web app for production and weighs the JavaScript the portal's sign-in page and the
 * client dashboard load: the entry chunk, the chunks it imports, and the lazily loaded chunks of
 * those two pages (with theirs), each gzipped at level 9 as the gateway serves it.
 */
export async function webBundle(): Promise<WebBundleResult> {
  // web/vite.config.ts, as `npm run build -w web` uses it (without the type check).
  await build({ root: WEB, logLevel: "warn" });

  const manifest = JSON.parse(readFileSync(`${WEB}dist/.vite/manifest.json`, "utf8")) as Record<string, ManifestChunk>;
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const lazyPages = FIRST_PAGES.filter((page) => manifest[page]);
  const files = [...chunksLoadedBy([...entries, ...lazyPages], manifest)]
    .filter((file) => file.endsWith(".js"))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(`${WEB}dist/${file}`), { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const totalGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, totalGzipBytes, meetsTarget: totalGzipBytes <= TARGET_KB * 1000 };
}

/** The files of these manifest chunks and of every chunk they import, statically, all the way down. */
function chunksLoadedBy(keys: string[], manifest: Record<string, ManifestChunk>): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

export function printWebBundle(result: WebBundleResult): void {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log("Web app, JavaScript the portal sign-in page and the client dashboard load (gzip -9):");
  for (const { file, gzipBytes } of result.files) console.log(`  ${kb(gzipBytes).padStart(9)}  ${file}`);
  console.log(`  ${kb(result.totalGzipBytes).padStart(9)}  in all (target ≤ ${TARGET_KB} kB: ${result.meetsTarget ? "met" : "NOT met"})`);
}
