import type { IncomingMessage, ServerResponse } from "node:http";
import { requestTarget, signCaller } from "@portal/kit";
import { AuthenticationUnavailableError, type Authentication, type Authenticator } from "./authenticator.js";
import { readLimited } from "./node-bridge.js";
import { newPortalRequest } from "./portal-auth.js";
import { gatewayLog } from "./observability/index.js";
import type { RequestFacts } from "./request-facts.js";
import { portalUnavailableAnswer } from "./subgraph-failures.js";
import { subgraphUrlsOf } from "./webhooks.js";

export const FILES_PREFIX = "/files/";
/** Largest upload relayed to a subgraph (the subgraph's own limit is the same). */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * The types an upload may have: PDFs (documents) and images (communities). None is a "simple" type, so a
 * cross-site form cannot send one (CSRF).
 */
const UPLOAD_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp"]);
/**
 * Subgraphs whose uploads are files of any kind (a course's downloads: slides, spreadsheets,
 * archives…), with their own size limit. Any `type/subtype` is relayed except the three a cross-site
 * form can send without a preflight, which stay refused (CSRF).
 */
const ANY_FILE_UPLOADS: Record<string, number> = { courses: 20 * 1024 * 1024 };
const FORM_TYPES = new Set(["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"]);
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** Only these come back from the subgraph: a download must not set cookies or anything else. */
const RELAYED_HEADERS = ["content-type", "content-disposition", "content-length"];
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_FILE_NAME = 255;

export interface FileRelayOptions {
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  authenticator: Authenticator;
  secret: string;
  /** How long the subgraph may take to answer (504 after that). */
  timeoutMs: number;
  /** Uploads past this many bytes are answered 413 without calling the subgraph; 10 MB by default. */
  maxUploadBytes?: number;
}

/**
 * Downloads (invoice, receipt and document PDFs) at `GET`/`HEAD /files/<subgraph>/<rest>` and uploads
 * (document PDFs, community images) at `POST /files/<subgraph>/<rest>`: the caller is authenticated exactly as for
 * /graphql (session cookie or Bearer API key), signed, and the subgraph's `/files/<rest>` answer is
 * relayed with its status, type, disposition and bytes. Uploads must be `application/pdf` or a PNG, JPEG or WebP image (415
 * otherwise) of at most `maxUploadBytes` (413), checked before the subgraph is called; the raw body
 * and `x-file-name` are passed on. The subgraph authorizes; browsers and proxies never cache the answer.
 */
export function createFileRelay(options: FileRelayOptions) {
  const urls = subgraphUrlsOf(options.supergraphSdl, options.subgraphUrls ?? {});
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return async function relayFile(req: IncomingMessage, res: ServerResponse, path: string, facts: RequestFacts): Promise<void> {
    const [subgraph, ...rest] = path.slice(FILES_PREFIX.length).split("/");
    const base = subgraph ? urls.get(subgraph) : undefined;
    if (!base || rest.length === 0 || !rest.every((segment) => SEGMENT.test(segment))) {
      if (req.method === "POST") req.resume();
      return notFound(res);
    }

    const anyFile = Object.hasOwn(ANY_FILE_UPLOADS, subgraph!) ? ANY_FILE_UPLOADS[subgraph!] : undefined;
    const uploaded = req.method === "POST" ? await readUpload(req, res, anyFile ?? maxUploadBytes, anyFile !== undefined) : undefined;
    if (uploaded === null) return; // refused, already answered
    const upload = uploaded?.body;

    let authentication: Authentication;
    try {
      authentication = await options.authenticator.authenticate(facts.credentials);
    } catch (error) {
      if (!(error instanceof AuthenticationUnavailableError)) throw error;
      return answer(res, 503, { "content-type": "application/json" }, JSON.stringify(portalUnavailableAnswer()));
    }
    const portal = newPortalRequest(facts, authentication);
    const url = new URL(`${FILES_PREFIX}${rest.join("/")}`, base);
    const method = upload ? "POST" : "GET"; // HEAD too: the subgraph builds the file, the gateway drops the bytes
    // The signature covers this method, path and upload, so it cannot fetch or upload anything else.
    const headers: Record<string, string> = signCaller(options.secret, portal.caller, { method, path: requestTarget(url), body: upload });
    if (uploaded) {
      headers["content-type"] = uploaded.type;
      const fileName = req.headers["x-file-name"];
      if (typeof fileName === "string" && fileName) headers["x-file-name"] = fileName.slice(0, MAX_FILE_NAME);
    }
    let response: Response;
    let body: Buffer;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(upload ? { body: new Uint8Array(upload) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      gatewayLog().error(
        `file ${subgraph}/${rest.join("/")} could not be ${upload ? "uploaded" : "fetched"}${timedOut ? " in time" : ""}: ${error instanceof Error ? error.message : error}`,
      );
      return answer(
        res,
        timedOut ? 504 : 502,
        { "content-type": "application/json" },
        JSON.stringify({ error: "file service unavailable" }),
      );
    }
    const relayed: Record<string, string> = {};
    for (const name of RELAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value) relayed[name] = value;
    }
    if (portal.sessionCookie) relayed["set-cookie"] = portal.sessionCookie;
    answer(res, response.status, relayed, body, req.method === "HEAD");
  };
}

/**
 * The body of an upload and its type, or null after answering 415 (not a PDF or an image) or 413 (too large). A body declared
 * too large is refused before it is read and the connection closed; one that turns out too large
 * while read (chunked) is drained and refused.
 */
async function readUpload(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  anyFile = false,
): Promise<{ body: Buffer; type: string } | null> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (anyFile ? FORM_TYPES.has(type) || !MEDIA_TYPE.test(type) : !UPLOAD_TYPES.has(type)) {
    req.resume();
    res.setHeader("connection", "close");
    answer(
      res,
      415,
      { "content-type": "application/json" },
      JSON.stringify({
        error: {
          field: "file",
          message: anyFile
            ? "Send the file with its own content type (e.g. application/pdf), not as a form."
            : "Only PDF files (application/pdf) and PNG, JPEG or WebP images can be uploaded.",
        },
      }),
    );
    return null;
  }
  const tooLarge = () => {
    answer(
      res,
      413,
      { "content-type": "application/json" },
      JSON.stringify({ error: { field: "file", message: `The file is too large (at most ${Math.round(limit / 1024 / 1024)} MB).` } }),
    );
    return null;
  };
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    req.resume();
    res.setHeader("connection", "close");
    return tooLarge();
  }
  const body = await readLimited(req, limit);
  return body === null ? tooLarge() : { body, type };
}

function notFound(res: ServerResponse): void {
  answer(res, 404, { "content-type": "application/json" }, JSON.stringify({ error: "not found" }));
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, headOnly = false): void {
  res.writeHead(status, { ...headers, "cache-control": "private, no-store" });
  res.end(headOnly ? undefined : body);
}
