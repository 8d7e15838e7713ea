import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayRuntime } from "@graphql-hive/gateway-runtime";

/** Reads a request body, giving up (null) as soon as it passes `limit` bytes. */
export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Hands an already-read body to the runtime through its Fetch API and writes the answer back. */
export async function forwardBuffered(
  runtime: GatewayRuntime<any>,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  serverContext: Record<string, unknown> = {},
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "transfer-encoding" || name === "content-length" || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: new Uint8Array(body),
  });
  const response = await runtime.fetch(request, { ...serverContext, req, res });
  const outgoing: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") outgoing[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) outgoing["set-cookie"] = cookies;
  res.writeHead(response.status, outgoing);
  if (!response.body) return void res.end();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}
