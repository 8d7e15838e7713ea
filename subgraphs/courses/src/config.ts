import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import type { CoursesOptions } from "./options.js";

/**
 * courses' environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`).
 */
export function readCoursesConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig({ ...commonEnv, COURSES_PORT: port(4106) }, env);
  const production = config.NODE_ENV === "production";
  const options: CoursesOptions = { production };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.COURSES_PORT,
    production,
  };
  return { options, runtime, note: undefined as string | undefined, warnings: [] as string[] };
}
