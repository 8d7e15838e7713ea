import type { MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import { forkFor, sql } from "./db.js";
import type { LiveBus } from "./live.js";

/*
 * Wake-ups instead of fast polling. A process that was asked nothing should use no CPU, yet the
 * outbox relay and every pg-boss worker used to look for work several times a second (a process
 * with twenty queues ran some fifty queries a second while idle). Instead, PostgreSQL says when
 * there is something to do, with NOTIFY from triggers, so whoever writes (any process, any code
 * path, inside its transaction and delivered on commit) wakes whoever works:
 *
 * - `portal_outbox`: a statement that inserts into a subgraph's `outbox_event` notifies the
 *   subgraph's schema name; that subgraph's relay runs at once.
 * - `portal_jobs`: a statement that inserts into pg-boss's job table (a send, each queue of a
 *   publish, a retry or a job kept for later, both of which pg-boss writes as a new row) notifies
 *   `{"queue": name, "inMs": delay}` per queue; this process's workers on that queue fetch at once,
 *   or when the job becomes due.
 *
 * Notifications travel over the LiveBus connection and are missed while it is down, so after it
 * reconnects everything is woken once. Beyond that, every `FALLBACK_POLL_MS` the relay looks on its
 * own and one query asks which of this process's queues hold a job that is due, waking their
 * workers (one query rather than a fetch per worker: a process may work twenty queues); this also
 * covers a job written where no trigger announced it. Workers still poll themselves, but only every
 * `WORKER_POLL_MS`, should that query fail.
 */
export const OUTBOX_CHANNEL = "portal_outbox";
export const JOBS_CHANNEL = "portal_jobs";

/** How long the relay and the sweep of due jobs wait between looks when nothing woke them. */
export const FALLBACK_POLL_MS = 5000;
/** How often a worker woken by announcements and the sweep still polls on its own. */
export const WORKER_POLL_MS = 60_000;

/** A job due later than this is left to the fallback polls rather than a timer. */
const LONGEST_TIMER_MS = 60 * 60 * 1000;
/** Waking a worker a little after a job is due, so its fetch finds it. */
const DUE_MARGIN_MS = 25;

const JOB_TRIGGER = "portal_announce_jobs";
const OUTBOX_TRIGGER = "portal_announce_outbox";

function jobsFunctionBody(): string {
  return `
begin
  perform pg_notify('${JOBS_CHANNEL}', json_build_object('queue', name, 'inMs', greatest(0, ceil(extract(epoch from (due - clock_timestamp())) * 1000)))::text)
  from (select name, min(start_after) as due from inserted where state in ('created', 'retry') group by name) as queues;
  return null;
end`;
}

function outboxFunctionBody(): string {
  return `
begin
  perform pg_notify('${OUTBOX_CHANNEL}', tg_table_schema);
  return null;
end`;
}

interface Statements {
  /** Whether the function has this body and its trigger exists. */
  check: { text: string; values: unknown[] };
  /** Creates or replaces both, one process at a time. */
  install: string;
}

function triggerStatements(schema: string, table: string, fn: string, body: string, transitionTable: boolean): Statements {
  const qualifiedFn = `"${schema}"."${fn}"`;
  const qualifiedTable = `"${schema}"."${table}"`;
  const referencing = transitionTable ? "referencing new table as inserted " : "";
  return {
    check: {
      text: `select coalesce((select prosrc = $1 from pg_proc where oid = to_regprocedure($2)), false)
        and exists (select 1 from pg_trigger where tgname = $3 and tgrelid = to_regclass($4)) as ready`,
      values: [body, `${qualifiedFn}()`, fn, qualifiedTable],
    },
    install: `do $install$
begin
  perform pg_advisory_xact_lock(hashtext('portal_wakeups:${schema}.${table}'));
  create or replace function ${qualifiedFn}() returns trigger language plpgsql as $fn$${body}$fn$;
  if not exists (select 1 from pg_trigger where tgname = '${fn}' and tgrelid = '${qualifiedTable}'::regclass) then
    create trigger ${fn} after insert on ${qualifiedTable} ${referencing}for each statement execute function ${qualifiedFn}();
  end if;
end $install$`,
  };
}

/** Makes inserts into pg-boss's job table announce their queues. Idempotent; safe in several processes at once. */
export async function installJobAnnouncements(boss: PgBoss, bossSchema: string): Promise<void> {
  const db = boss.getDb() as { executeSql(text: string, values?: unknown[]): Promise<{ rows: { ready?: boolean }[] }> };
  const statements = triggerStatements(bossSchema, "job", JOB_TRIGGER, jobsFunctionBody(), true);
  const { rows } = await db.executeSql(statements.check.text, statements.check.values);
  if (!rows[0]?.ready) await db.executeSql(statements.install);
}

/** Makes inserts into a subgraph's outbox announce it. Idempotent; safe in several processes at once. */
export async function installOutboxAnnouncements(orm: MikroORM, schema: string): Promise<void> {
  const statements = triggerStatements(schema, "outbox_event", OUTBOX_TRIGGER, outboxFunctionBody(), false);
  const em = forkFor(orm, null);
  const [row] = await sql<{ ready: boolean }>(em, statements.check.text.replace(/\$\d/g, "?"), statements.check.values); // knex binds `?`
  if (!row?.ready) await sql(em, statements.install);
}

/** What wakes this process's relay and workers: one per pg-boss instance (`startJobs`). */
export class Wakeups {
  private readonly workers = new Map<string, Set<string>>();
  private readonly relays = new Map<string, Set<() => void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly detach: (() => void)[] = [];
  private sweeping = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly bossSchema: string,
  ) {}

  /** Hears the announcements over `bus` (which must be started) for `boss`'s workers. */
  static async attach(boss: PgBoss, bossSchema: string, bus: LiveBus): Promise<Wakeups> {
    const wakeups = new Wakeups(boss, bossSchema);
    wakeups.detach.push(await bus.listen(JOBS_CHANNEL, (payload) => wakeups.jobsAnnounced(payload)));
    wakeups.detach.push(await bus.listen(OUTBOX_CHANNEL, (schema) => wakeups.outboxAnnounced(schema)));
    wakeups.detach.push(bus.onReconnected(() => wakeups.wakeAll()));
    const sweep = setInterval(() => void wakeups.sweep(), FALLBACK_POLL_MS);
    sweep.unref();
    wakeups.detach.push(() => clearInterval(sweep));
    registry.set(boss, wakeups);
    return wakeups;
  }

  /** Wakes the workers of every queue of this process that holds a job due now. */
  async sweep(): Promise<void> {
    if (this.sweeping || this.workers.size === 0) return;
    this.sweeping = true;
    try {
      const db = this.boss.getDb() as { executeSql(text: string, values?: unknown[]): Promise<{ rows: { name: string }[] }> };
      const { rows } = await db.executeSql(
        `select q.name from unnest($1::text[]) as q(name)
         where exists (select 1 from "${this.bossSchema}".job j where j.name = q.name and j.state < 'active' and j.start_after < now())`,
        [[...this.workers.keys()]],
      );
      for (const row of rows) this.wakeQueue(row.name);
    } catch {
      // The database is unreachable: the workers' own polls and the wake-up after reconnecting cover it.
    } finally {
      this.sweeping = false;
    }
  }

  /** The worker `workerId` works `queue`: wake it when a job is announced there. */
  watchQueue(queue: string, workerId: string): void {
    const ids = this.workers.get(queue) ?? new Set<string>();
    this.workers.set(queue, ids);
    ids.add(workerId);
  }

  /** `wake` runs when `schema`'s outbox is written to. */
  watchOutbox(schema: string, wake: () => void): () => void {
    const wakes = this.relays.get(schema) ?? new Set<() => void>();
    this.relays.set(schema, wakes);
    wakes.add(wake);
    return () => wakes.delete(wake);
  }

  /** Wakes every worker on `queue` in this process now. */
  wakeQueue(queue: string): void {
    for (const id of this.workers.get(queue) ?? []) this.boss.notifyWorker(id);
  }

  /** After missed notifications: every relay and worker looks once. */
  wakeAll(): void {
    for (const queue of this.workers.keys()) this.wakeQueue(queue);
    for (const wakes of this.relays.values()) for (const wake of wakes) wake();
  }

  stop(): void {
    for (const off of this.detach.splice(0)) off();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    registry.delete(this.boss);
  }

  private outboxAnnounced(schema: string): void {
    for (const wake of this.relays.get(schema) ?? []) wake();
  }

  private jobsAnnounced(payload: string): void {
    let announcement: { queue?: unknown; inMs?: unknown };
    try {
      announcement = JSON.parse(payload);
    } catch {
      return; // not ours
    }
    const { queue, inMs } = announcement;
    if (typeof queue !== "string" || !this.workers.has(queue)) return;
    const delay = typeof inMs === "number" && inMs > 0 ? inMs : 0;
    if (delay === 0) {
      this.wakeQueue(queue);
      return;
    }
    if (delay > LONGEST_TIMER_MS) return;
    // One timer per queue and tenth of a second, however many jobs fall due in it.
    const due = Math.ceil((Date.now() + delay + DUE_MARGIN_MS) / 100) * 100;
    const key = `${queue}@${due}`;
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.wakeQueue(queue);
    }, due - Date.now());
    timer.unref();
    this.timers.set(key, timer);
  }
}

const registry = new WeakMap<PgBoss, Wakeups>();

/** The wake-ups of a pg-boss instance started by `startJobs`, if it has them. */
export function wakeupsOf(boss: PgBoss): Wakeups | undefined {
  return registry.get(boss);
}
