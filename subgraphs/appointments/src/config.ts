import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import type { AppointmentsOptions } from "./options.js";

/**
 * appointments' environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`). Calendar feed tokens are derived from
 * PORTAL_SECRET.
 */
export function readAppointmentsConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig({ ...commonEnv, APPOINTMENTS_PORT: port(4107) }, env);
  const production = config.NODE_ENV === "production";
  const options: AppointmentsOptions = { production };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.APPOINTMENTS_PORT,
    production,
  };
  return { options, runtime, note: undefined as string | undefined, warnings: [] as string[] };
}
