import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import type { StripeApiBase } from "../src/index.js";

export const STRIPE_KEYS = { secretKey: "sk_test_portal", publishableKey: "pk_test_portal", webhookSecret: "whsec_portal_test_secret" };

interface Intent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  description: string | null;
  metadata: Record<string, string>;
  last_payment_error: { message: string } | null;
}

/**
 * Stripe's API on loopback, as much as billing uses: create (honouring Idempotency-Key the way Stripe
 * does: same key, same answer), retrieve and cancel PaymentIntents. The real SDK talks to it.
 */
export class LoopbackStripe {
  readonly intents = new Map<string, Intent>();
  readonly idempotencyKeys: string[] = [];
  createCount = 0;
  private readonly byKey = new Map<string, Intent>();
  private server: Server | null = null;

  async start(): Promise<StripeApiBase> {
    this.server = createServer((req, res) => {
      void this.answer(req).then(([status, body]) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${this.createCount}` });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return { host: "127.0.0.1", port: (this.server.address() as AddressInfo).port, protocol: "http" };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(req: IncomingMessage): Promise<[number, unknown]> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const path = new URL(req.url ?? "/", "http://stripe").pathname;
    if (!req.headers.authorization?.includes(STRIPE_KEYS.secretKey))
      return [401, { error: { type: "invalid_request_error", message: "Invalid API Key" } }];
    if (req.method === "POST" && path === "/v1/payment_intents")
      return [200, await this.create(form, String(req.headers["idempotency-key"] ?? ""))];
    const match = /^\/v1\/payment_intents\/([^/]+)(\/cancel)?$/.exec(path);
    const intent = match ? this.intents.get(match[1]!) : undefined;
    if (!intent) return [404, { error: { type: "invalid_request_error", code: "resource_missing", message: "No such payment_intent" } }];
    if (req.method === "POST" && match![2]) intent.status = "canceled";
    return [200, intent];
  }

  private async create(form: URLSearchParams, key: string): Promise<Intent> {
    this.idempotencyKeys.push(key);
    const known = key ? this.byKey.get(key) : undefined;
    if (known) return known;
    this.createCount++;
    await new Promise((resolve) => setTimeout(resolve, 30)); // widens the window concurrent callers could race in
    const id = `pi_test_${this.createCount}_${Math.random().toString(36).slice(2, 10)}`;
    const metadata: Record<string, string> = {};
    for (const [name, value] of form) if (name.startsWith("metadata[")) metadata[name.slice(9, -1)] = value;
    const intent: Intent = {
      id,
      object: "payment_intent",
      amount: Number(form.get("amount")),
      amount_received: 0,
      currency: form.get("currency") ?? "",
      status: "requires_payment_method",
      client_secret: `${id}_secret_${Math.random().toString(36).slice(2, 10)}`,
      description: form.get("description"),
      metadata,
      last_payment_error: null,
    };
    this.intents.set(id, intent);
    if (key) this.byKey.set(key, intent);
    return intent;
  }
}

const signer = new Stripe(STRIPE_KEYS.secretKey);
let eventCount = 0;

/** A Stripe event as its webhook would send it. */
export function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_test_${++eventCount}_${Date.now()}`): string {
  return JSON.stringify({
    id,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
}

/** POSTs the payload to billing's Stripe webhook, signed with the SDK's test-header helper (now, or at `signedAt`). */
export function deliver(
  url: string,
  payload: string,
  options: { secret?: string; signature?: string | null; body?: string; signedAt?: Date } = {},
) {
  const timestamp = options.signedAt ? Math.floor(options.signedAt.getTime() / 1000) : undefined;
  const signature =
    options.signature === undefined
      ? signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? STRIPE_KEYS.webhookSecret, timestamp })
      : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["stripe-signature"] = signature;
  return fetch(url, { method: "POST", headers, body: options.body ?? payload });
}
