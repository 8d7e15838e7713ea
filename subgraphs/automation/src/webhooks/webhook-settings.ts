import type PgBoss from "pg-boss";
import type { DeliverySettings } from "../delivery/enqueue-email.js";
import type { Resolve } from "./ssrf-guard.js";

/** What the webhook service, its resolver and its worker need from the subgraph. */
export interface WebhookSettings {
  boss: PgBoss;
  /** Seals endpoint secrets at rest. */
  portalSecret: string;
  /** Production: https and public addresses only, at registration and at every attempt. */
  production: boolean;
  /** For the "endpoint disabled" email to the owner. */
  email: DeliverySettings;
  /** DNS for the SSRF checks (the system's by default). */
  resolve?: Resolve;
}

/** pg-boss queue of webhook attempts: one job per attempt, due when the schedule says. */
export const WEBHOOK_ATTEMPT_QUEUE = "automation.webhook-attempt";

export interface WebhookAttemptJob {
  businessId: string;
  deliveryId: string;
  /** The attempt this job makes (1 = the first); a job whose attempt was already made does nothing. */
  attempt: number;
  manual: boolean;
}

/**
 * Seconds to wait before attempt n+1 (index n): at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and
 * 10 h, eight attempts over about 27 hours (the Standard Webhooks reference schedule).
 */
export const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;

/** An endpoint whose every attempt failed for this long is disabled (its owner is told). */
export const DISABLE_AFTER_FAILING_MS = 24 * 60 * 60 * 1000;
