import type { MikroORM, PostgreSqlConnection } from "@mikro-orm/postgresql";
import { sha256 } from "@portal/kit";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export interface SignInLimits {
  /** Requests for one email from one IP per window; past it, that pair is refused. */
  perEmail: number;
  /** Requests from one IP per window, whatever the email; past it, that IP is refused. */
  perIp: number;
  /** Requests for one email from all IPs per window; past it, links are slowed down, never refused. */
  perEmailTotal: number;
  windowSeconds: number;
}

/** Refused (with the seconds to wait), or let through; `deliver: false` answers "sent" but sends nothing. */
export type SignInAdmission = { retryAfterSeconds: number } | { deliver: boolean };

/** Past the per-email ceiling, at most one link per email address is issued in this many seconds. */
export const THROTTLED_DELIVERY_SECONDS = 60;

const PREFIX = { ip: "ip", pair: "email_ip", email: "email_total", throttle: "email_minute" } as const;

/**
 * Sign-in requests are counted per (email, IP) pair and per IP, so an attacker exhausts only their
 * own budgets: they cannot lock a victim out by asking for the victim's links from elsewhere. A flood
 * for one email from many IPs passes the per-email ceiling and is then answered as usual while links
 * go out at most once a minute, so the mailbox is not flooded and the owner still gets a link.
 *
 * Counters live in PostgreSQL so every identity instance shares them (the table is created by the
 * migration, not by the library). Emails are hashed into the keys, so the table names no one.
 */
export class SignInRateLimiter {
  private limiters: Record<keyof typeof PREFIX, RateLimiterPostgres> | null = null;

  // Built on first use, so the schema can be built (and its SDL printed) without a database.
  constructor(
    private readonly orm: MikroORM,
    private readonly limits: SignInLimits,
  ) {}

  private get store() {
    if (!this.limiters) {
      const knex = (this.orm.em.getConnection() as PostgreSqlConnection).getKnex();
      const common = {
        storeClient: knex,
        storeType: "knex",
        schemaName: "identity",
        tableName: "sign_in_rate_limit",
        tableCreated: true,
        duration: this.limits.windowSeconds,
      };
      this.limiters = {
        ip: new RateLimiterPostgres({ ...common, keyPrefix: PREFIX.ip, points: this.limits.perIp }),
        pair: new RateLimiterPostgres({ ...common, keyPrefix: PREFIX.pair, points: this.limits.perEmail }),
        email: new RateLimiterPostgres({ ...common, keyPrefix: PREFIX.email, points: this.limits.perEmailTotal }),
        throttle: new RateLimiterPostgres({ ...common, keyPrefix: PREFIX.throttle, points: 1, duration: THROTTLED_DELIVERY_SECONDS }),
      };
    }
    return this.limiters;
  }

  /** Counts one request for `email` (already normalized) from `ip`. */
  async admit(businessId: string | null, email: string, ip: string): Promise<SignInAdmission> {
    const refused = (await consumed(this.store.ip, ip)) ?? (await consumed(this.store.pair, pairKey(businessId, email, ip)));
    if (refused !== null) return { retryAfterSeconds: refused };
    if ((await consumed(this.store.email, emailKey(businessId, email))) === null) return { deliver: true };
    return { deliver: (await consumed(this.store.throttle, emailKey(businessId, email))) === null };
  }
}

/** The stored key of an email's once-a-minute delivery slot (tests open it as a minute passing would). */
export function throttledDeliveryKey(businessId: string | null, email: string): string {
  return `${PREFIX.throttle}:${emailKey(businessId, email)}`;
}

const emailKey = (businessId: string | null, email: string) => sha256(`${businessId ?? "platform"}:${email}`);
const pairKey = (businessId: string | null, email: string, ip: string) => sha256(`${businessId ?? "platform"}:${email}:${ip}`);

/** Consumes a point; returns seconds to wait when over the limit, else null. */
async function consumed(limiter: RateLimiterPostgres, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
