import type { IncomingMessage, ServerResponse } from "node:http";
import { signCaller } from "@portal/kit";
import type { Authenticator } from "./authenticator.js";
import { readLimited } from "./node-bridge.js";
import { newPortalRequest } from "./portal-auth.js";
import { nodeHeaders, requestFacts } from "./request-facts.js";
import { subgraphUrlsOf } from "./webhooks.js";

export const FILES_PREFIX = "/files/";
/** Largest upload relayed to a subgraph (the subgraph's own limit is the same). */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The only type an upload may have: not a "simple" type, so a cross-site form cannot send it (CSRF). */
const UPLOAD_TYPE = "application/pdf";

/** Only these come back from the subgraph: a download must not set cookies or anything else. */
const RELAYED_HEADERS = ["content-type", "content-disposition", "content-length"];
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_FILE_NAME = 255;

export interface FileRelayOptions {
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  authenticator: Authenticator;
  secret: string;
  trustProxy: boolean;
  timeoutMs?: number;
  /** Uploads past this many bytes are answered 413 without calling the subgraph; 10 MB by default. */
  maxUploadBytes?: number;
}

/**
 * Downloads (invoice, receipt and document PDFs) at `GET`/`HEAD /files/<subgraph>/<rest>` and uploads
 * (document PDFs) at `POST /files/<subgraph>/<rest>`: the caller is authenticated exactly as for
 * /graphql (session cookie or Bearer API key), signed, and the subgraph's `/files/<rest>` answer is
 * relayed with its status, type, disposition and bytes. Uploads must be `application/pdf` (415
 * otherwise) of at most `maxUploadBytes` (413), checked before the subgraph is called; the raw body
 * and `x-file-name` are passed on. The subgraph authorizes; browsers and proxies never cache the answer.
 */
export function createFileRelay(options: FileRelayOptions) {
  const urls = subgraphUrlsOf(options.supergraphSdl, options.subgraphUrls ?? {});
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return async function relayFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [subgraph, ...rest] = path.slice(FILES_PREFIX.length).split("/");
    const base = subgraph ? urls.get(subgraph) : undefined;
    if (!base || rest.length === 0 || !rest.every((segment) => SEGMENT.test(segment))) {
      if (req.method === "POST") req.resume();
      return notFound(res);
    }

    const upload = req.method === "POST" ? await readUpload(req, res, maxUploadBytes) : undefined;
    if (upload === null) return; // refused, already answered

    const facts = requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, options.trustProxy);
    const portal = newPortalRequest(facts, await options.authenticator.authenticate(facts.credentials));
    const headers: Record<string, string> = signCaller(options.secret, { ...portal.caller, issuedAt: Date.now() });
    if (upload) {
      headers["content-type"] = UPLOAD_TYPE;
      const fileName = req.headers["x-file-name"];
      if (typeof fileName === "string" && fileName) headers["x-file-name"] = fileName.slice(0, MAX_FILE_NAME);
    }
    let response: Response;
    try {
      response = await fetch(new URL(`${FILES_PREFIX}${rest.join("/")}`, base), {
        method: upload ? "POST" : "GET", // HEAD too: the subgraph builds the file, the gateway drops the bytes
        headers,
        ...(upload ? { body: new Uint8Array(upload) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      console.error(`[gateway] file ${subgraph}/${rest.join("/")} could not be ${upload ? "uploaded" : "fetched"}`, error);
      return answer(res, 502, { "content-type": "application/json" }, JSON.stringify({ error: "file service unavailable" }));
    }
    const relayed: Record<string, string> = {};
    for (const name of RELAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value) relayed[name] = value;
    }
    if (portal.sessionCookie) relayed["set-cookie"] = portal.sessionCookie;
    answer(res, response.status, relayed, Buffer.from(await response.arrayBuffer()), req.method === "HEAD");
  };
}

/**
 * The body of an upload, or null after answering 415 (not a PDF) or 413 (too large). A body declared
 * too large is refused before it is read and the connection closed; one that turns out too large
 * while read (chunked) is drained and refused.
 */
async function readUpload(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== UPLOAD_TYPE) {
    req.resume();
    res.setHeader("connection", "close");
    answer(res, 415, { "content-type": "application/json" }, JSON.stringify({ error: { field: "file", message: "Only PDF files can be uploaded (content-type application/pdf)." } }));
    return null;
  }
  const tooLarge = () => {
    answer(res, 413, { "content-type": "application/json" }, JSON.stringify({ error: { field: "file", message: `The file is too large (at most ${Math.round(limit / 1024 / 1024)} MB).` } }));
    return null;
  };
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    req.resume();
    res.setHeader("connection", "close");
    return tooLarge();
  }
  const body = await readLimited(req, limit);
  return body === null ? tooLarge() : body;
}

function notFound(res: ServerResponse): void {
  answer(res, 404, { "content-type": "application/json" }, JSON.stringify({ error: "not found" }));
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, headOnly = false): void {
  res.writeHead(status, { ...headers, "cache-control": "private, no-store" });
  res.end(headOnly ? undefined : body);
}
