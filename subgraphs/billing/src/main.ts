import { commonEnv, port, readConfig, runSubgraph } from "@portal/kit";
import { z } from "zod";
import { createBillingSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/billing/src/main.ts`, configured from the environment. */
const config = readConfig({
  ...commonEnv,
  BILLING_PORT: port(4103),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Defaults to on exactly when no Stripe key is set (the embedded demo). */
  BILLING_TEST_PAYMENTS: z.enum(["true", "false"]).optional(),
});

const production = config.NODE_ENV === "production";
const anyStripeKey = Boolean(config.STRIPE_SECRET_KEY || config.STRIPE_PUBLISHABLE_KEY || config.STRIPE_WEBHOOK_SECRET);
const stripe = anyStripeKey
  ? { secretKey: config.STRIPE_SECRET_KEY ?? "", publishableKey: config.STRIPE_PUBLISHABLE_KEY ?? "", webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? "" }
  : undefined;
const testPayments = config.BILLING_TEST_PAYMENTS ? config.BILLING_TEST_PAYMENTS === "true" : !anyStripeKey;

const running = await runSubgraph(createBillingSubgraph({ stripe, testPayments }), {
  databaseUrl: config.DATABASE_URL, gatewaySecret: config.PORTAL_SECRET, port: config.BILLING_PORT, production,
});
console.log(`[billing] listening on ${running.url}${testPayments ? " (TEST PAYMENTS: no money moves)" : ""}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[billing] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[billing] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
