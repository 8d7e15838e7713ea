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

/**
 * Serves the built web app next to /graphql (same origin, so the session cookie stays SameSite).
 * Paths that are not files fall back to index.html for client-side routing.
 */
export function createStaticHandler(rootDir: string) {
  const root = normalize(rootDir + sep);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://static").pathname);
    const candidate = normalize(join(root, pathname));
    const file = candidate.startsWith(root) ? await regularFile(candidate) : null;
    // Only route-like paths fall back; a missing /assets/x.js must stay a 404, not HTML.
    const path = file ?? (extname(pathname) ? null : join(root, "index.html"));
    const fileStat = path ? await regularFileStat(path) : null;
    if (!path || !fileStat) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const immutable = Boolean(file) && pathname.startsWith("/assets/");
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
      "content-length": fileStat.size,
      "cache-control": immutable ? IMMUTABLE : "no-cache",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(path).pipe(res);
  };
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
