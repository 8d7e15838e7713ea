import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import type { AffiliatesOptions } from "./options.js";

/**
 * affiliates' environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`). Visitor keys are derived from PORTAL_SECRET.
 */
export function readAffiliatesConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig({ ...commonEnv, AFFILIATES_PORT: port(4108) }, env);
  const production = config.NODE_ENV === "production";
  const options: AffiliatesOptions = { production };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.AFFILIATES_PORT,
    production,
  };
  return { options, runtime, note: undefined as string | undefined, warnings: [] as string[] };
}
