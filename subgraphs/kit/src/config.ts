import { z } from "zod";
import { acceptPreviousSecret } from "./crypto.js";

/**
 * Parses the environment once, against a zod shape, and fails with a message that names every
 * variable that is wrong. Only process entry points call this; everything else receives the result.
 */
export function readConfig<T extends z.ZodRawShape>(shape: T, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<T>> {
  // `NAME=` (as an env file copied from .env.example leaves it) means unset: the default, or none.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = z.object(shape).safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const config = parsed.data as Record<string, unknown>;
  // A process that reads PORTAL_SECRET_PREVIOUS (every subgraph, through commonEnv) also accepts it
  // wherever it verifies or unseals with PORTAL_SECRET.
  if ("PORTAL_SECRET_PREVIOUS" in shape && typeof config.PORTAL_SECRET === "string")
    acceptPreviousSecret(config.PORTAL_SECRET, config.PORTAL_SECRET_PREVIOUS as string | undefined);
  return Object.freeze(parsed.data);
}

/**
 * Shapes shared by every process. PORTAL_SECRET signs gateway→subgraph calls and seals one-time links in events;
 * PORTAL_SECRET_PREVIOUS lets it be rotated without refusing calls (docs/operations.md).
 */
export const commonEnv = {
  DATABASE_URL: z.string().url({ message: "must be a postgres:// URL" }),
  PORTAL_SECRET: z.string().min(32, "must be at least 32 characters"),
  /** During a rotation, the other secret: calls and seals made with it are still accepted; nothing is signed with it. Empty: none. */
  PORTAL_SECRET_PREVIOUS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Most PostgreSQL connections a subgraph opens for queries / for jobs (defaults 10 and 4). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
  JOBS_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
};

/** The pool sizes a subgraph's environment asks for, as `RuntimeConfig.connections` (undefined: the defaults). */
export function poolSizes(config: { DATABASE_POOL_MAX?: number; JOBS_POOL_MAX?: number }): { queries: number; jobs: number } | undefined {
  if (config.DATABASE_POOL_MAX === undefined && config.JOBS_POOL_MAX === undefined) return undefined;
  return { queries: config.DATABASE_POOL_MAX ?? DEFAULT_POOLS.queries, jobs: config.JOBS_POOL_MAX ?? DEFAULT_POOLS.jobs };
}

export const DEFAULT_POOLS = { queries: 10, jobs: 4 };

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
