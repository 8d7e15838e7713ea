import type { IncomingMessage, ServerResponse } from "node:http";
import { Kind, parse, type ConstDirectiveNode } from "graphql";
import { readLimited } from "./node-bridge.js";
import { gatewayLog } from "./observability/index.js";

export const WEBHOOK_PREFIX = "/webhooks/";

/** Only these travel to the subgraph: the provider signs the body, never our cookies or credentials. */
const FORWARDED_HEADERS = ["content-type", "stripe-signature", "user-agent"];
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/i;

/**
 * Third-party webhooks (e.g. Stripe) reach the public gateway at `POST /webhooks/<subgraph>/<name>`
 * and are relayed to that subgraph's `POST /webhooks/<name>` byte for byte, with the provider's
 * signature header. The gateway does not authenticate them (the subgraph verifies the provider's
 * signature on the raw body) and answers with the subgraph's status and body.
 */
export function createWebhookRelay(options: {
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  maxBodyBytes: number;
  timeoutMs: number;
}) {
  const urls = subgraphUrlsOf(options.supergraphSdl, options.subgraphUrls ?? {});
  return async function relayWebhook(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [subgraph, name, ...rest] = path.slice(WEBHOOK_PREFIX.length).split("/");
    const base = subgraph ? urls.get(subgraph) : undefined;
    if (!base || !name || rest.length > 0 || !NAME.test(name))
      return answer(res, 404, "application/json", JSON.stringify({ error: "not found" }));
    const body = await readLimited(req, options.maxBodyBytes);
    if (body === null) return answer(res, 413, "application/json", JSON.stringify({ error: "Request body too large" }));
    const headers: Record<string, string> = {};
    for (const header of FORWARDED_HEADERS) {
      const value = req.headers[header];
      if (typeof value === "string") headers[header] = value;
    }
    let response: Response;
    let answered: Buffer;
    try {
      response = await fetch(new URL(`${WEBHOOK_PREFIX}${name}`, base), {
        method: "POST",
        headers,
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      answered = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      // The provider retries a failed delivery; it only needs to know it failed.
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      gatewayLog().error(
        `webhook ${subgraph}/${name} could not be delivered${timedOut ? " in time" : ""}: ${error instanceof Error ? error.message : error}`,
      );
      return answer(res, timedOut ? 504 : 502, "application/json", JSON.stringify({ error: "webhook receiver unavailable" }));
    }
    answer(res, response.status, response.headers.get("content-type") ?? "application/json", answered);
  };
}

function answer(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(body);
}

/** Subgraph name → base URL, from the supergraph's `join__graph` directives (overrides win). */
export function subgraphUrlsOf(supergraphSdl: string, overrides: Record<string, string>): Map<string, string> {
  const urls = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const args = stringArguments(value.directives?.find((directive) => directive.name.value === "join__graph"));
      if (args.name && args.url) urls.set(args.name, overrides[args.name] ?? args.url);
    }
  }
  return urls;
}

function stringArguments(directive: ConstDirectiveNode | undefined): Record<string, string> {
  const args: Record<string, string> = {};
  for (const argument of directive?.arguments ?? [])
    if (argument.value.kind === Kind.STRING) args[argument.name.value] = argument.value.value;
  return args;
}
