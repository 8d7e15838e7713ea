import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import type { CommunitiesOptions } from "./options.js";

/**
 * communities' environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`).
 */
export function readCommunitiesConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig({ ...commonEnv, COMMUNITIES_PORT: port(4105) }, env);
  const production = config.NODE_ENV === "production";
  const options: CommunitiesOptions = { production };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.COMMUNITIES_PORT,
    production,
  };
  return { options, runtime, note: undefined as string | undefined, warnings: [] as string[] };
}
