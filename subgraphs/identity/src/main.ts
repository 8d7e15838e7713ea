import { commonEnv, port, readConfig, runSubgraph } from "@portal/kit";
import { z } from "zod";
import { createIdentitySubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/identity/src/main.ts`, configured from the environment. */
const config = readConfig({
  ...commonEnv,
  IDENTITY_PORT: port(4101),
  PLATFORM_OPERATOR_EMAILS: z.string().default(""),
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().positive().default(5),
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
  SIGN_IN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  SESSION_TTL_DAYS: z.coerce.number().positive().default(30),
});

const production = config.NODE_ENV === "production";
const running = await runSubgraph(
  createIdentitySubgraph({
    portalSecret: config.PORTAL_SECRET,
    operatorEmails: config.PLATFORM_OPERATOR_EMAILS.split(",").map((email) => email.trim()).filter(Boolean),
    signInLimits: { perEmail: config.SIGN_IN_LIMIT_PER_EMAIL, perIp: config.SIGN_IN_LIMIT_PER_IP, windowSeconds: config.SIGN_IN_LIMIT_WINDOW_SECONDS },
    sessionTtlDays: config.SESSION_TTL_DAYS,
    production,
  }),
  { databaseUrl: config.DATABASE_URL, gatewaySecret: config.PORTAL_SECRET, port: config.IDENTITY_PORT, production },
);
console.log(`[identity] listening on ${running.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[identity] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[identity] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
