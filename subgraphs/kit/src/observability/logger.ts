import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";
import { readConfig } from "../config.js";

export type { Logger };

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface LoggingOptions {
  /** Lowest level written (LOG_LEVEL; default info). Each request's own line is `debug`. */
  level?: LogLevel;
  /** One JSON object per line (production), or short readable lines on stderr (development). */
  json?: boolean;
  /** Where JSON lines go (default stdout), e.g. a test's stream. */
  destination?: DestinationStream;
}

let current: Logger | undefined;

/**
 * The process's logger, shared by the kit and the gateway: JSON lines in production (NODE_ENV), the
 * readable `[component] message` lines of development otherwise. Configured from LOG_LEVEL and
 * NODE_ENV the first time it is used, unless `configureLogging` was called first.
 */
export function logger(): Logger {
  current ??= createLogger(fromEnvironment());
  return current;
}

/** Replaces the process's logger (the entry points' settings, or a test capturing lines). */
export function configureLogging(options: LoggingOptions): Logger {
  current = createLogger(options);
  return current;
}

/** A child logger naming what writes (e.g. `{ component: "outbox" }`), taken from the current logger. */
export function logOf(component: string): Logger {
  return logger().child({ component });
}

export function createLogger(options: LoggingOptions): Logger {
  const level = options.level ?? "info";
  if (options.json) {
    return pino(
      { level, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
      options.destination,
    );
  }
  return pino({ level, base: undefined, timestamp: false, formatters: { level: (label) => ({ level: label }) } }, readableLines());
}

/** The environment's choice; a wrong LOG_LEVEL is refused by the process's own configuration, not here. */
function fromEnvironment(): LoggingOptions {
  try {
    const env = readConfig({
      LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
      NODE_ENV: z.string().default("development"),
    });
    return { level: env.LOG_LEVEL, json: env.NODE_ENV === "production" };
  } catch {
    return {};
  }
}

const QUIET_KEYS = new Set(["level", "msg", "component", "service", "err", "time", "pid", "hostname"]);

/** Development: `[component] message key=value`, the error's stack after it, on stderr as before. */
function readableLines(): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line);
      } catch {
        process.stderr.write(line);
        return;
      }
      const where = entry.component ?? entry.service;
      const details = Object.entries(entry)
        .filter(([key]) => !QUIET_KEYS.has(key))
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
      const err = entry.err as { stack?: string; message?: string } | undefined;
      const text = [where ? `[${where}]` : "", entry.msg ?? "", ...details].filter(Boolean).join(" ");
      process.stderr.write(`${text}${err ? `\n${err.stack ?? err.message}` : ""}\n`);
    },
  };
}
