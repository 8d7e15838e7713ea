import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Vite puts content-hashed files under assets/: they never change, so browsers may keep them. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Pre-compressed copies the build writes beside each text asset (web/build/precompress.ts), best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * Serves the built web app next to /graphql (same origin, so the session cookie stays SameSite).
 * Paths that are not files fall back to index.html for client-side routing. A pre-compressed copy
 * is sent when the browser accepts its encoding, so nothing is compressed per request. Source maps
 * exist only in builds made with WEB_SOURCEMAPS=true, so production serves none unless asked for.
 */
export function createStaticHandler(rootDir: string) {
  const root = normalize(rootDir + sep);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = safeDecode(new URL(req.url ?? "/", "http://static").pathname);
    const candidate = pathname === null ? null : normalize(join(root, pathname));
    const hidden = pathname === null || isCompressedCopy(pathname);
    const file = candidate && !hidden && candidate.startsWith(root) ? await regularFile(candidate) : null;
    // Only route-like paths fall back; a missing /assets/x.js must stay a 404, not HTML.
    const path = file ?? (pathname === null || hidden || extname(pathname) ? null : join(root, "index.html"));
    const fileStat = path ? await regularFileStat(path) : null;
    if (!path || !fileStat) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const immutable = Boolean(file) && pathname!.startsWith("/assets/");
    const encoded = await compressedCopy(path, req.headers["accept-encoding"]);
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
      "content-length": encoded?.size ?? fileStat.size,
      "cache-control": immutable ? IMMUTABLE : "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
      ...(encoded ? { "content-encoding": encoded.encoding } : {}),
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(encoded?.path ?? path).pipe(res);
  };
}

/** The best pre-compressed copy of `path` that the client accepts, if the build wrote one. */
async function compressedCopy(path: string, acceptEncoding: string | undefined) {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    const info = await regularFileStat(path + suffix);
    if (info) return { path: path + suffix, encoding: name, size: info.size };
  }
  return null;
}

/** Encodings named in Accept-Encoding with a non-zero quality (`br;q=0` refuses brotli). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

function isCompressedCopy(pathname: string): boolean {
  return ENCODINGS.some(({ suffix }) => pathname.endsWith(suffix));
}

function safeDecode(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null; // a malformed escape is a client error, not a crash
  }
}

async function regularFile(path: string): Promise<string | null> {
  return (await regularFileStat(path)) ? path : null;
}

async function regularFileStat(path: string) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}
