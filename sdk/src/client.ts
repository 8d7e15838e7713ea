import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";
import { type GraphQLErrorEntry, PortalGraphQLError, PortalTransportError } from "./errors.js";
import { type Connection, paginate } from "./paginate.js";

export interface PortalClientOptions {
  /** The portal's GraphQL endpoint, e.g. `https://portal.example.com/graphql`. */
  url: string;
  /** An API key from the admin console (Settings → API keys); it selects its business whatever the host. */
  apiKey: string;
  /** Give up on a request after this long (default 30 s). */
  timeoutMs?: number;
  /** Another fetch (a proxy agent, a test double); defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request (e.g. a user agent naming your integration). */
  headers?: Record<string, string>;
}

/** An operation's variables argument: optional when every variable is. */
export type VariablesOf<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/**
 * Sends GraphQL operations to the portal with an API key. `request` takes any typed document (the
 * SDK's own, from `@portal/sdk`'s generated operations, or yours) and returns its typed `data`.
 */
export class GraphQLTransport {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PortalClientOptions) {
    if (!options.url) throw new TypeError("PortalClient needs the portal's GraphQL url");
    if (!options.apiKey) throw new TypeError("PortalClient needs an API key");
    this.fetchImpl = options.fetch ?? fetch;
  }

  /**
   * Runs one query or mutation and returns its data. Throws PortalTransportError when no GraphQL
   * answer came back and PortalGraphQLError when the answer carries errors (partial data included).
   */
  async request<TResult, TVariables>(
    document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
    ...[variables]: VariablesOf<TVariables>
  ): Promise<TResult> {
    const { url, apiKey, headers, timeoutMs = 30_000 } = this.options;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          authorization: `Bearer ${apiKey}`,
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new PortalTransportError(`Could not reach ${url}: ${(cause as Error).message}`, null, { cause });
    }
    const text = await response.text();
    let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new PortalTransportError(
        `${url} answered ${response.status} without a GraphQL response: ${text.slice(0, 200)}`,
        response.status,
      );
    }
    if (body.errors?.length) throw new PortalGraphQLError(body.errors, body.data ?? null, response.status);
    if (!body.data) throw new PortalTransportError(`${url} answered ${response.status} without data`, response.status);
    return body.data;
  }

  /**
   * Every node of a connection a document returns, page after page (`after` is set for you):
   *
   *   for await (const c of client.paginate(ContactsDocument, { first: 100 }, (d) => d.contacts)) …
   */
  paginate<TResult, TVariables extends { after?: string | null }, TNode>(
    document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
    variables: TVariables,
    connectionOf: (data: TResult) => Connection<TNode>,
  ): AsyncGenerator<TNode, void, undefined> {
    return paginate(async (after) => connectionOf(await this.request(document, ...([{ ...variables, after }] as VariablesOf<TVariables>))));
  }
}
