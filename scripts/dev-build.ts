import { transform, version as esbuildVersion } from "esbuild";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm start` runs JavaScript, not TypeScript: this compiles the servers' sources (scripts/, gateway/
 * and every package under subgraphs/) file by file with esbuild, the compiler tsx uses, with the same
 * settings (the root tsconfig's decorators, class names kept), into DEV_BUILD_DIR. Node.js then loads
 * plain files with no loader hook in the way, which makes each process start faster and smaller.
 * Only files changed since the last build are compiled again (all of them the first time: well
 * under a second). Files keep their paths, so MikroORM and type-graphql see the same classes and
 * files as under tsx, and `@portal/*` resolve to the compiled packages through DEV_BUILD_DIR's own
 * node_modules; everything else resolves to the project's node_modules.
 *
 * Plain TypeScript that Node.js runs as it is (`node scripts/dev-build.ts`): only erasable syntax, and
 * no import of the project's own modules.
 */
const projectDir = projectRoot(dirname(fileURLToPath(import.meta.url)));
export const DEV_BUILD_DIR = join(projectDir, "node_modules", ".cache", "portal-dev");

/** The nearest folder up with a tsconfig.json: the project, whether this file runs from scripts/ or compiled from DEV_BUILD_DIR. */
function projectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, "tsconfig.json"))) return dir;
  throw new Error(`No tsconfig.json above ${from}`);
}

/** The compiled file for a source path relative to the project, e.g. `scripts/start.ts`. */
export function compiledPath(source: string): string {
  return join(DEV_BUILD_DIR, source.replace(/\.ts$/, ".js"));
}

interface Package {
  /** Folder relative to the project, e.g. `subgraphs/kit`. */
  dir: string;
  name: string;
  main: string;
}

export async function buildForDevelopment(): Promise<{ compiled: number; total: number }> {
  const packages = workspacePackages();
  const sources = [...packages.flatMap((pkg) => typeScriptFiles(join(pkg.dir, "src"))), ...typeScriptFiles("scripts")];
  const compilerOptions = (JSON.parse(readFileSync(join(projectDir, "tsconfig.json"), "utf8")) as { compilerOptions: object })
    .compilerOptions;
  const options = {
    loader: "ts" as const,
    format: "esm" as const,
    target: `node${process.versions.node}`,
    keepNames: true,
    sourcemap: "inline" as const,
    tsconfigRaw: { compilerOptions },
  };
  // A change of compiler, Node.js or compiler options invalidates every compiled file.
  const fingerprint = JSON.stringify({ esbuildVersion, options });
  const fingerprintFile = join(DEV_BUILD_DIR, ".build-options.json");
  const fresh = existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8") === fingerprint;

  const stale = sources.filter((source) => !fresh || isOlder(compiledPath(source), join(projectDir, source)));
  await Promise.all(
    stale.map(async (source) => {
      const code = readFileSync(join(projectDir, source), "utf8");
      const result = await transform(code, { ...options, sourcefile: join(projectDir, source) });
      writeAtomically(compiledPath(source), result.code);
    }),
  );
  removeOrphans(new Set(sources.map(compiledPath)), [...packages.map((pkg) => join(pkg.dir, "src")), "scripts"]);

  // The project's manifest makes the compiled files ES modules and tells scripts/runtime.ts the pinned Node.js.
  writeIfChanged(join(DEV_BUILD_DIR, "package.json"), readFileSync(join(projectDir, "package.json"), "utf8"));
  for (const pkg of packages) {
    const manifest = { name: pkg.name, private: true, type: "module", main: pkg.main.replace(/\.ts$/, ".js") };
    writeIfChanged(join(DEV_BUILD_DIR, pkg.dir, "package.json"), JSON.stringify(manifest, null, 2));
    const link = join(DEV_BUILD_DIR, "node_modules", pkg.name);
    if (!existsSync(link)) {
      mkdirSync(dirname(link), { recursive: true });
      try {
        symlinkSync(relative(dirname(link), join(DEV_BUILD_DIR, pkg.dir)), link);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // a build running at the same time made it
      }
    }
  }
  writeIfChanged(fingerprintFile, fingerprint);
  return { compiled: stale.length, total: sources.length };
}

/** The gateway and every package under subgraphs/ (kit, contracts, the subgraphs). */
function workspacePackages(): Package[] {
  const dirs = [...readdirSync(join(projectDir, "subgraphs")).map((name) => join("subgraphs", name)), "gateway"];
  return dirs
    .filter((dir) => existsSync(join(projectDir, dir, "package.json")) && existsSync(join(projectDir, dir, "src")))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(projectDir, dir, "package.json"), "utf8")) as { name: string; main?: string };
      return { dir, name: manifest.name, main: manifest.main ?? "src/index.ts" };
    });
}

/** `.ts` files under `dir` (relative to the project), tests and declarations excluded. */
function typeScriptFiles(dir: string): string[] {
  const found: string[] = [];
  const absolute = join(projectDir, dir);
  if (!existsSync(absolute)) return found;
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...typeScriptFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".test.ts")) found.push(path);
  }
  return found;
}

function isOlder(compiled: string, source: string): boolean {
  return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
}

/** Compiled files whose source is gone (deleted or renamed) would still be importable: remove them. */
function removeOrphans(expected: Set<string>, dirs: string[]): void {
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".js") && !expected.has(path)) unlinkSync(path);
    }
  };
  for (const dir of dirs) visit(join(DEV_BUILD_DIR, dir));
}

/**
 * Two builds may run at once (a second `npm start`, a test): each file is replaced in one step, so a
 * process loading it never reads half of one.
 */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === content) return;
  writeAtomically(path, content);
}

if (import.meta.main) {
  const startedAt = performance.now();
  try {
    const { compiled, total } = await buildForDevelopment();
    if (compiled) console.log(`Compiled ${compiled} of ${total} files in ${Math.round(performance.now() - startedAt)} ms.`);
  } catch (error) {
    rmSync(join(DEV_BUILD_DIR, ".build-options.json"), { force: true });
    throw error;
  }
}
