import type { MikroORM } from "@mikro-orm/postgresql";
import { projection } from "@portal/contracts";
import type PgBoss from "pg-boss";
import { forkFor, sql, type EntityManager } from "../db.js";
import type { EventDeps } from "../events.js";
import { ensureQueue, workQueue } from "../jobs.js";
import { flagStaffMissingFrom, saveBusinessSnapshot, saveContactSnapshot, saveStaffSnapshot } from "./snapshot-store.js";

type SnapshotPage = projection.IdentitySnapshotPage;
const { identitySnapshotPage, identitySnapshotRequest } = projection;

/*
 * Catch-up: pg-boss delivers a published event only to the queues subscribed at that moment, so a
 * projection that subscribed late (a new section, a first start where identity relayed its outbox
 * first) would never learn what identity published before. So on every start a projection, once
 * subscribed, asks identity for a snapshot of everything, and identity answers to that projection's
 * own queue only. Both queues are plain work queues: a request waits for identity if it is not up
 * yet, an answer waits for the projection.
 */

// A request waiting for identity is not repeated (policy "short": one queued job per singleton key).
const REQUEST_QUEUE = { policy: "short", retryLimit: 10, retryDelay: 1, retryBackoff: true } as const;
const ANSWER_QUEUE = { retryLimit: 10, retryDelay: 1, retryBackoff: true } as const;

/** Where identity sends the answer for `consumer` (named like the consumer's event queues). */
export function snapshotAnswerQueue(consumer: string): string {
  return `${consumer}__identity.snapshot`.replace(/[^A-Za-z0-9_.-]/g, "_");
}

/** Asks identity for everything, answered to `replyTo`. Also what `npm run resync` sends for every projection. */
export async function requestIdentitySnapshot(boss: PgBoss, replyTo: string): Promise<void> {
  await ensureQueue(boss, identitySnapshotRequest.queue, REQUEST_QUEUE);
  const request: projection.IdentitySnapshotRequest = identitySnapshotRequest.payload.parse({ replyTo });
  await boss.send(identitySnapshotRequest.queue, request, { singletonKey: replyTo });
}

/** Projection side: works its answer queue, then asks (call after subscribing to identity's events). */
export async function catchUpWithIdentity(deps: EventDeps, consumer: string): Promise<void> {
  const replyTo = snapshotAnswerQueue(consumer);
  await ensureQueue(deps.boss, replyTo, ANSWER_QUEUE);
  await workQueue(deps.boss, replyTo, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
    const page = identitySnapshotPage.payload.parse(job.data);
    await forkFor(deps.orm, page.business.id).transactional((em) => saveSnapshotPage(em, page));
  });
  await requestIdentitySnapshot(deps.boss, replyTo);
}

export async function saveSnapshotPage(em: EntityManager, page: SnapshotPage): Promise<void> {
  const businessId = page.business.id;
  await saveBusinessSnapshot(em, page.business, page.takenAt);
  for (const contact of page.contacts) await saveContactSnapshot(em, businessId, contact, page.takenAt);
  if (!page.staff) return;
  for (const member of page.staff) await saveStaffSnapshot(em, businessId, member, page.takenAt);
  await flagStaffMissingFrom(
    em,
    businessId,
    page.staff.map((member) => member.id),
    page.takenAt,
  );
}

/** A page of identity's answer before it is stamped with the answer's `takenAt`. */
export type UnstampedSnapshotPage = Omit<SnapshotPage, "takenAt">;

/**
 * Identity side: answers each request with `pages()` (every business with its contacts, its whole
 * team on its first page), sent to the requester's queue only. A failed answer is retried whole;
 * saving a page twice changes nothing.
 */
export async function answerIdentitySnapshotRequests(deps: EventDeps, pages: () => AsyncIterable<UnstampedSnapshotPage>): Promise<void> {
  await ensureQueue(deps.boss, identitySnapshotRequest.queue, REQUEST_QUEUE);
  await workQueue(
    deps.boss,
    identitySnapshotRequest.queue,
    { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
    async ([job]) => {
      const { replyTo } = identitySnapshotRequest.payload.parse(job.data);
      const takenAt = (await unsettledSince(deps.orm)).toISOString();
      for await (const page of pages()) {
        await deps.boss.send(replyTo, identitySnapshotPage.payload.parse({ ...page, takenAt }));
      }
    },
  );
}

/**
 * The time an answer is stamped with, taken before anything is read: the start of the oldest
 * transaction still running on this database, or now. A change the answer may not show is one still
 * running (or not yet begun) now, so its event's `occurredAt` is no earlier than this and wins over
 * the answer; anything the answer shows that is newer than this also arrives as an event.
 */
export async function unsettledSince(orm: MikroORM): Promise<Date> {
  const [row] = await sql<{ since: Date }>(
    forkFor(orm, null),
    `select least(clock_timestamp(), min(xact_start)) as since from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return new Date(row.since);
}
