import "reflect-metadata";
import { randomUUID } from "node:crypto";
import type { RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pruneWebhookLog, WEBHOOK_LOG_DAYS } from "../src/webhooks/log-retention.js";
import { createScratchDatabase, newBusiness, staffOf, startAutomation } from "./helpers.js";
import { deliveriesOf, registered } from "./webhooks-helpers.js";

const DAY = 24 * 60 * 60_000;

describe("the webhook delivery log", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await automation?.stop();
    await pool?.end();
    await database?.drop();
  });

  /** A delivery as the attempt worker leaves it, created and (unless still retried) finished at the given times, with one attempt. */
  async function delivery(business: string, endpoint: string, status: string, createdAt: Date, finishedAt: Date | null) {
    const id = randomUUID();
    await pool.query(
      `insert into automation.webhook_delivery (id, business_id, endpoint_id, event_id, event_type, body, status, attempts, created_at, finished_at, last_attempt_at)
       values ($1, $2, $3, $4, 'billing.invoice.voided', '{}', $5, 1, $6, $7, $6)`,
      [id, business, endpoint, randomUUID(), status, createdAt, finishedAt],
    );
    await pool.query(
      `insert into automation.webhook_attempt (id, business_id, delivery_id, number, manual, started_at, duration_ms, succeeded)
       values ($1, $2, $3, 1, false, $4, 12, $5)`,
      [randomUUID(), business, id, createdAt, status === "SUCCEEDED"],
    );
    return id;
  }

  it(`keeps ${WEBHOOK_LOG_DAYS} days of finished deliveries, and every delivery still being retried`, async () => {
    const business = newBusiness();
    const staff = staffOf(business);
    const { endpoint } = await registered(automation, staff, { url: "http://127.0.0.1:9/hooks" });
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const oldSuccess = await delivery(business.id, endpoint.id, "SUCCEEDED", ago(40), ago(40));
    const oldFailure = await delivery(business.id, endpoint.id, "FAILED", ago(35), ago(WEBHOOK_LOG_DAYS + 1));
    const recentFailure = await delivery(business.id, endpoint.id, "FAILED", ago(32), ago(WEBHOOK_LOG_DAYS - 1));
    const stillRetried = await delivery(business.id, endpoint.id, "PENDING", ago(45), null);

    expect(await pruneWebhookLog(automation.orm, now)).toBe(2);
    const kept = (await deliveriesOf(automation, staff, endpoint.id)).map((each) => each.id);
    expect(kept.sort()).toEqual([recentFailure, stillRetried].sort());
    const attempts = await pool.query(`select delivery_id from automation.webhook_attempt where delivery_id = any($1)`, [
      [oldSuccess, oldFailure, recentFailure, stillRetried],
    ]);
    expect(attempts.rows.map((row) => row.delivery_id).sort()).toEqual([recentFailure, stillRetried].sort());
    expect(await pruneWebhookLog(automation.orm, now)).toBe(0);
  });
});
