import { Agent, fetch as undiciFetch } from "undici";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * A browser-like API client for tests: talks to the gateway on 127.0.0.1 but sends the portal host
 * name it was given (so the host selects the business, as in production), and keeps cookies.
 */
function lookupLoopback(_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) {
  if (options?.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
}

const loopback = new Agent({ connect: { lookup: lookupLoopback } as never });

export interface GraphQLResult<D = any> {
  data?: D;
  errors?: { message: string; extensions?: { code?: string } }[];
  status: number;
  headers: Headers;
}

export class PortalClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly gatewayPort: number,
    readonly host: string,
    private readonly bearer?: string,
  ) {}

  get origin(): string {
    return `http://${this.host}:${this.gatewayPort}`;
  }

  async graphql<D = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<D>> {
    const response = await undiciFetch(`${this.origin}/graphql`, {
      method: "POST",
      dispatcher: loopback,
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(this.cookieHeader() ? { cookie: this.cookieHeader() } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    this.storeCookies(response.headers.getSetCookie());
    const json = (await response.json()) as Omit<GraphQLResult<D>, "status" | "headers">;
    return { ...json, status: response.status, headers: response.headers as unknown as Headers };
  }

  /** A browser's GET of a page, without following a redirect (e.g. an affiliate link `/r/<code>`), with extra headers such as its user agent. */
  async visit(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
    const response = await undiciFetch(`${this.origin}${path}`, { dispatcher: loopback, redirect: "manual", headers });
    return { status: response.status, headers: response.headers as unknown as Headers, text: await response.text() };
  }

  /** GETs a download (e.g. `/files/billing/invoices/<id>.pdf`) the way the browser would, with the same cookies and host. */
  async download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await undiciFetch(`${this.origin}${path}`, {
      dispatcher: loopback,
      headers: {
        ...(this.cookieHeader() ? { cookie: this.cookieHeader() } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      },
    });
    this.storeCookies(response.headers.getSetCookie());
    return { status: response.status, headers: response.headers as unknown as Headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  /** POSTs a PDF (e.g. a document to sign; or a file of `contentType`) to `/files/...` the way the admin console uploads it. */
  async uploadPdf(
    path: string,
    bytes: Uint8Array,
    fileName: string,
    contentType = "application/pdf",
  ): Promise<{ status: number; json: any }> {
    const response = await undiciFetch(`${this.origin}${path}`, {
      method: "POST",
      dispatcher: loopback,
      headers: {
        "content-type": contentType,
        "x-file-name": fileName,
        ...(this.cookieHeader() ? { cookie: this.cookieHeader() } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      },
      body: bytes,
    });
    this.storeCookies(response.headers.getSetCookie());
    return { status: response.status, json: await response.json() };
  }

  /** Like graphql() but fails the test on transport or GraphQL errors. */
  async data<D = any>(query: string, variables: Record<string, unknown> = {}): Promise<D> {
    const result = await this.graphql<D>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL failed (${result.status}): ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  subscriptions(): Client {
    const cookie = this.cookieHeader();
    const host = this.host;
    const bearer = this.bearer;
    class HostWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, {
          lookup: lookupLoopback as never,
          headers: { ...(cookie ? { cookie } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), origin: `http://${host}` },
        });
      }
    }
    return createClient({
      url: `ws://${host}:${this.gatewayPort}/graphql`,
      webSocketImpl: HostWebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private storeCookies(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
  }
}
