import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import { z } from "zod";
import type { BillingOptions } from "./options.js";

/**
 * billing's environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`).
 */
export function readBillingConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      ...commonEnv,
      BILLING_PORT: port(4103),
      STRIPE_SECRET_KEY: z.string().optional(),
      STRIPE_PUBLISHABLE_KEY: z.string().optional(),
      STRIPE_WEBHOOK_SECRET: z.string().optional(),
      /** Defaults to on exactly when no Stripe key is set (the embedded demo). */
      BILLING_TEST_PAYMENTS: z.enum(["true", "false"]).optional(),
    },
    env,
  );
  const production = config.NODE_ENV === "production";
  const anyStripeKey = Boolean(config.STRIPE_SECRET_KEY || config.STRIPE_PUBLISHABLE_KEY || config.STRIPE_WEBHOOK_SECRET);
  const stripe = anyStripeKey
    ? {
        secretKey: config.STRIPE_SECRET_KEY ?? "",
        publishableKey: config.STRIPE_PUBLISHABLE_KEY ?? "",
        webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? "",
      }
    : undefined;
  const testPayments = config.BILLING_TEST_PAYMENTS ? config.BILLING_TEST_PAYMENTS === "true" : !anyStripeKey;
  const options: BillingOptions = { stripe, testPayments };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.BILLING_PORT,
    production,
  };
  return { options, runtime, note: testPayments ? "TEST PAYMENTS: no money moves" : undefined, warnings: [] as string[] };
}
