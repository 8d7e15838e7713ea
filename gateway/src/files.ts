import type { IncomingMessage, ServerResponse } from "node:http";
import { signCaller } from "@portal/kit";
import type { Authenticator } from "./authenticator.js";
import { newPortalRequest } from "./portal-auth.js";
import { nodeHeaders, requestFacts } from "./request-facts.js";
import { subgraphUrlsOf } from "./webhooks.js";

export const FILES_PREFIX = "/files/";

/** Only these come back from the subgraph: a download must not set cookies or anything else. */
const RELAYED_HEADERS = ["content-type", "content-disposition", "content-length"];
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface FileRelayOptions {
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  authenticator: Authenticator;
  secret: string;
  trustProxy: boolean;
  timeoutMs?: number;
}

/**
 * Downloads (invoice and receipt PDFs) at `GET /files/<subgraph>/<rest>`: the caller is authenticated
 * exactly as for /graphql (session cookie or Bearer API key), signed, and the subgraph's
 * `GET /files/<rest>` answer is relayed with its status, type, disposition and bytes. The subgraph
 * authorizes; browsers and proxies never cache the answer.
 */
export function createFileRelay(options: FileRelayOptions) {
  const urls = subgraphUrlsOf(options.supergraphSdl, options.subgraphUrls ?? {});
  return async function relayFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [subgraph, ...rest] = path.slice(FILES_PREFIX.length).split("/");
    const base = subgraph ? urls.get(subgraph) : undefined;
    if (!base || rest.length === 0 || !rest.every((segment) => SEGMENT.test(segment))) return notFound(res);

    const facts = requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, options.trustProxy);
    const portal = newPortalRequest(facts, await options.authenticator.authenticate(facts.credentials));
    let response: Response;
    try {
      response = await fetch(new URL(`${FILES_PREFIX}${rest.join("/")}`, base), {
        headers: signCaller(options.secret, { ...portal.caller, issuedAt: Date.now() }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      console.error(`[gateway] file ${subgraph}/${rest.join("/")} could not be fetched`, error);
      return answer(res, 502, { "content-type": "application/json" }, JSON.stringify({ error: "file service unavailable" }));
    }
    const headers: Record<string, string> = {};
    for (const name of RELAYED_HEADERS) {
      const value = response.headers.get(name);
      if (value) headers[name] = value;
    }
    if (portal.sessionCookie) headers["set-cookie"] = portal.sessionCookie;
    answer(res, response.status, headers, Buffer.from(await response.arrayBuffer()), req.method === "HEAD");
  };
}

function notFound(res: ServerResponse): void {
  answer(res, 404, { "content-type": "application/json" }, JSON.stringify({ error: "not found" }));
}

function answer(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, headOnly = false): void {
  res.writeHead(status, { ...headers, "cache-control": "private, no-store" });
  res.end(headOnly ? undefined : body);
}
