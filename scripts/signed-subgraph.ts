import { signedFetch, type Actor } from "@portal/kit";

/**
 * GraphQL and files of one subgraph, as one person of a business, signed with PORTAL_SECRET as the
 * gateway signs (the demo content of `npm start`, the benchmarks).
 */
export class SignedSubgraph {
  constructor(
    private readonly graphqlUrl: string,
    private readonly secret: string,
    private readonly businessId: string,
    private readonly actor: Actor,
    private readonly userAgent = "Client Portal demo (npm start)",
  ) {}

  private get caller() {
    return { businessId: this.businessId, actor: this.actor, ip: "127.0.0.1", userAgent: this.userAgent };
  }

  async data<D>(query: string, variables: Record<string, unknown> = {}): Promise<D> {
    const body = JSON.stringify({ query, variables });
    const response = await signedFetch(
      this.graphqlUrl,
      this.caller,
      { method: "POST", headers: { "content-type": "application/json" }, body },
      this.secret,
    );
    const json = (await response.json()) as { data?: D; errors?: { message: string }[] };
    if (json.errors?.length || !json.data)
      throw new Error(`${new URL(this.graphqlUrl).host}: ${json.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`}`);
    return json.data;
  }

  async file(path: string): Promise<{ status: number; body: Uint8Array }> {
    const response = await signedFetch(this.fileUrl(path), this.caller, {}, this.secret);
    return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
  }

  async upload(path: string, body: Uint8Array, fileName: string): Promise<{ status: number; body: Uint8Array }> {
    const response = await signedFetch(
      this.fileUrl(path),
      this.caller,
      {
        method: "POST",
        body: new Uint8Array(body),
        headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent(fileName) },
      },
      this.secret,
    );
    return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
  }

  /** Files live beside the GraphQL endpoint: `/files/<handler>/...`, e.g. billing's `/files/invoices/<id>.pdf`. */
  private fileUrl(path: string): URL {
    return new URL(`/files/${path}`, this.graphqlUrl);
  }
}
