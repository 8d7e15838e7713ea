import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ControlRoutes = Record<string, (body: Record<string, unknown>) => unknown>;

/**
 * A small JSON door into a bench child process, on 127.0.0.1 and a free port, for what the child's
 * one ready line cannot carry: work asked of it during the run and figures read from it (every
 * request is a POST to `/<route>` with a JSON body; the answer is the route's JSON). Not part of
 * the server being measured: it is only called between measured windows.
 */
export async function serveControl(routes: ControlRoutes): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = routes[(req.url ?? "/").slice(1)];
    try {
      if (!route) throw new Error(`no control route ${req.url}`);
      const text = Buffer.concat(chunks).toString();
      const answer = await route(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer ?? null));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: (error as Error).message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Calls a child's control route and returns its answer; a failed route throws with the child's message. */
export async function control<T>(controlUrl: string, route: string, body: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${controlUrl}/${route}`, { method: "POST", body: JSON.stringify(body) });
  const answer = (await response.json()) as T & { error?: string };
  if (response.status !== 200) throw new Error(`control ${route} failed: ${answer.error}`);
  return answer;
}
