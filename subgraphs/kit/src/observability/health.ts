import type { MikroORM } from "@mikro-orm/postgresql";
import type { IncomingMessage, ServerResponse } from "node:http";
import { METRICS_CONTENT_TYPE, metricsText } from "./metrics.js";

/** Liveness: the process answers. (The older `/health`, and the gateway's `/readiness`, keep their own answers.) */
export const LIVENESS_PATH = "/healthz";
/** Readiness: the process can serve (its database answers, migrations applied; the gateway: supergraph loaded). */
export const READINESS_PATH = "/readyz";
export const METRICS_PATH = "/metrics";
/** The paths `answerOperationalPath` may answer: others skip it without an await. */
export const OPERATIONAL_PATHS: ReadonlySet<string> = new Set([LIVENESS_PATH, READINESS_PATH, METRICS_PATH]);

/** Why the process is not ready, or null when it is. */
export type ReadinessCheck = () => Promise<string | null>;

export interface CachedCheckOptions {
  /** A check that has not answered by then reports the process not ready (default 1 s). */
  timeoutMs?: number;
  /** How long an answer is reused, so frequent probes cost nothing (default 1 s). */
  cacheMs?: number;
}

/**
 * Wraps a check (throwing means not ready) so that probes share one run per second, and a check
 * that hangs (a database that does not answer) reports not ready after `timeoutMs` without
 * starting a second one meanwhile.
 */
export function cachedCheck(check: () => Promise<unknown>, what: string, options: CachedCheckOptions = {}): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? 1000;
  const cacheMs = options.cacheMs ?? 1000;
  let answer: { reason: string | null; at: number } | undefined;
  let running: Promise<string | null> | undefined;
  return async () => {
    if (answer && Date.now() - answer.at < cacheMs) return answer.reason;
    running ??= check().then(
      () => null,
      (error: unknown) => `${what}: ${error instanceof Error ? error.message : String(error)}`,
    );
    const current = running;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`${what} did not answer within ${timeoutMs} ms`), timeoutMs);
    });
    const reason = await Promise.race([current, late]);
    clearTimeout(timer);
    // A check still running is reused by the next probe rather than started again.
    void current.then(() => {
      if (running === current) running = undefined;
    });
    answer = { reason, at: Date.now() };
    return reason;
  };
}

/** `select 1` on the ORM's pool. */
export function databaseCheck(orm: MikroORM, options?: CachedCheckOptions): ReadinessCheck {
  return cachedCheck(() => orm.em.getConnection().execute("select 1"), "database", options);
}

/** Ready when every check is (they run at once); the first reason otherwise. */
export function allChecks(...checks: ReadinessCheck[]): ReadinessCheck {
  return async () => (await Promise.all(checks.map((check) => check()))).find((reason) => reason !== null) ?? null;
}

/**
 * Answers /healthz, /readyz and /metrics; false for any other path. `/metrics` is
 * answered only when `metricsAllowed` says so (the gateway asks for a token in production).
 */
export async function answerOperationalPath(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  service: { name: string; readiness: ReadinessCheck; metricsAllowed?: (req: IncomingMessage) => boolean },
): Promise<boolean> {
  if (path === LIVENESS_PATH) {
    sendJson(res, 200, { status: "ok", service: service.name });
    return true;
  }
  if (path === READINESS_PATH) {
    const reason = await service.readiness();
    sendJson(
      res,
      reason ? 503 : 200,
      reason ? { status: "not ready", service: service.name, reason } : { status: "ready", service: service.name },
    );
    return true;
  }
  if (path === METRICS_PATH && req.method === "GET") {
    // Not another page (the gateway's web app would answer it): a plain 404, as for any unknown path.
    if (!(service.metricsAllowed?.(req) ?? true)) {
      sendJson(res, 404, { error: "not found" });
      return true;
    }
    res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" });
    res.end(await metricsText());
    return true;
  }
  return false;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
