import { z } from "zod";

/**
 * Parses the environment once, against a zod shape, and fails with a message that names every
 * variable that is wrong. Only process entry points call this; everything else receives the result.
 */
export function readConfig<T extends z.ZodRawShape>(shape: T, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<T>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return Object.freeze(parsed.data);
}

/** Shapes shared by every process. PORTAL_SECRET signs gateway→subgraph calls and seals one-time links in events. */
export const commonEnv = {
  DATABASE_URL: z.string().url({ message: "must be a postgres:// URL" }),
  PORTAL_SECRET: z.string().min(32, "must be at least 32 characters"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
