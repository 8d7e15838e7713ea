import pg from "pg";

/** One key's count in one window, as the shared table holds it. */
export interface WindowCount {
  key: string;
  /** Start of the window, in milliseconds since the epoch (windows are aligned to the epoch). */
  windowStart: number;
  count: number;
}

const SCHEMA = "gateway";
const TABLE = `${SCHEMA}.rate_limit`;

/**
 * The gateway's own table (schema `gateway`, created on first use under an advisory lock so that
 * gateways starting together do not race): one row per key and window, its count the sum of what
 * every gateway instance added. Keys are SHA-256 digests, so the table names no client.
 */
export class RateLimitStore {
  private readonly pool: pg.Pool;
  private table: Promise<void> | null = null;

  constructor(databaseUrl: string) {
    // Two connections: the periodic flush and the batched reads of keys first seen in a window.
    // Bounded waits: a sync still running blocks the next one, and a stuck one must not block them all.
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 2,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    this.pool.on("error", () => {}); // an idle connection dropped: the next query reconnects
  }

  /** The table, created on first use (not at start-up: the gateway does not wait for it to listen). */
  private ready(): Promise<void> {
    this.table ??= this.createTable().catch((error: unknown) => {
      this.table = null; // tried again by the next call
      throw error;
    });
    return this.table;
  }

  private async createTable(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtext('gateway.rate_limit'))");
      await client.query(`create schema if not exists ${SCHEMA}`);
      await client.query(
        `create table if not exists ${TABLE} (
          key text not null,
          window_start bigint not null,
          count integer not null,
          expires_at bigint not null,
          primary key (key, window_start)
        )`,
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Adds each increment to the shared count and answers the new totals, and the totals of
   * `refresh` keys in `refreshWindowStart`, in one statement.
   */
  async add(
    increments: readonly WindowCount[],
    windowMs: number,
    refresh: readonly string[],
    refreshWindowStart: number,
  ): Promise<WindowCount[]> {
    if (increments.length === 0 && refresh.length === 0) return [];
    await this.ready();
    const { rows } = await this.pool.query<{ key: string; window_start: string; count: number }>(
      `with added as (
         insert into ${TABLE} as t (key, window_start, count, expires_at)
           select key, window_start, count, window_start + $4::bigint
           from unnest($1::text[], $2::bigint[], $3::int[]) as u(key, window_start, count)
         on conflict (key, window_start) do update set count = t.count + excluded.count
         returning key, window_start, count
       )
       select key, window_start, count from added
       union all
       select key, window_start, count from ${TABLE} where window_start = $5 and key = any($6::text[])`,
      [
        increments.map((i) => i.key),
        increments.map((i) => i.windowStart),
        increments.map((i) => i.count),
        windowMs,
        refreshWindowStart,
        refresh,
      ],
    );
    return rows.map((row) => ({ key: row.key, windowStart: Number(row.window_start), count: row.count }));
  }

  /** The shared counts of these keys in one window (keys nobody counted yet are absent). */
  async read(keys: readonly string[], windowStart: number): Promise<Map<string, number>> {
    await this.ready();
    const { rows } = await this.pool.query<{ key: string; count: number }>(
      `select key, count from ${TABLE} where window_start = $2 and key = any($1::text[])`,
      [keys, windowStart],
    );
    return new Map(rows.map((row) => [row.key, row.count]));
  }

  /** Drops windows that have ended. */
  async prune(now: number): Promise<void> {
    await this.ready();
    await this.pool.query(`delete from ${TABLE} where expires_at < $1`, [now]);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
