import type { BrowserContext } from "playwright-core";
import WebSocket from "ws";

/**
 * Every emailed link points at a business's configured address, `http://<slug>.localhost:4000` under
 * test (every identity sharing the test database must build the same links), while a test's gateway
 * listens on a port of its own. This makes the browser context reach that gateway whenever a page
 * asks for `<slug>.localhost:4000`: the address bar, cookies (kept per host name, not per port) and
 * the app's own requests keep the business's address, as for a real client.
 */
export async function mapPortalPort(context: BrowserContext, gatewayPort: number): Promise<void> {
  const portal = /^(http|ws):\/\/[a-z0-9-]+\.localhost:4000\//;
  const onGateway = (address: string) => {
    const url = new URL(address);
    url.port = String(gatewayPort);
    return url.toString();
  };
  await context.route(portal, (route) => route.continue({ url: onGateway(route.request().url()) }));
  // Playwright's WebSocket routes cannot redirect, so live updates are relayed: one socket to the
  // gateway per page socket, carrying the page's cookies for that host.
  await context.routeWebSocket(portal, async (page) => {
    const address = new URL(page.url());
    const cookies = await context.cookies(`http://${address.hostname}/`);
    const gateway = new WebSocket(onGateway(page.url()), page.protocols(), {
      // Node resolves no `*.localhost` names; Chromium sends them to loopback, and so do we.
      lookup: lookupLoopback as never,
      headers: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "), origin: `http://${address.host}` },
    });
    const waiting: (string | Buffer)[] = [];
    page.onMessage((message) => (gateway.readyState === WebSocket.OPEN ? gateway.send(message) : waiting.push(message)));
    gateway.on("open", () => {
      for (const message of waiting.splice(0)) gateway.send(message);
    });
    gateway.on("message", (data, binary) => page.send(binary ? (data as Buffer) : data.toString()));
    // Closing a page socket that is already closed is fine: either side may end first.
    gateway.on("close", (code, reason) => page.close({ code: closable(code), reason: reason.toString() }).catch(() => undefined));
    gateway.on("error", () => page.close({ code: 1011, reason: "gateway unreachable" }).catch(() => undefined));
    page.onClose((code) => gateway.close(closable(code ?? 1000)));
  });
}

function lookupLoopback(_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) {
  if (options?.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
}

/** Codes a peer may not send itself (no status, abnormal closure) become a normal closure. */
function closable(code: number): number {
  return code === 1005 || code === 1006 || code < 1000 ? 1000 : code;
}
