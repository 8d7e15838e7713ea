import type { MikroORM, PostgreSqlConnection } from "@mikro-orm/postgresql";
import { sha256 } from "@portal/kit";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export interface OrderStartLimits {
  /** Orders one client IP may start per window, per business. */
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_ORDER_START_LIMITS: OrderStartLimits = { perIp: 20, windowSeconds: 900 };

/**
 * Starting an order is anonymous and creates a PaymentIntent at Stripe, so one visitor may start only
 * so many. Counters live in PostgreSQL so every billing instance shares them; IPs are hashed into keys.
 */
export class OrderStartLimiter {
  private limiter: RateLimiterPostgres | null = null;

  // Built on first use, so the schema can be built (and its SDL printed) without a database.
  constructor(
    private readonly orm: MikroORM,
    private readonly limits: OrderStartLimits,
  ) {}

  /** Seconds to wait when `ip` is over the limit, else null (and the attempt is counted). */
  async admit(businessId: string, ip: string): Promise<number | null> {
    this.limiter ??= new RateLimiterPostgres({
      storeClient: (this.orm.em.getConnection() as PostgreSqlConnection).getKnex(),
      storeType: "knex",
      schemaName: "billing",
      tableName: "order_rate_limit",
      tableCreated: true,
      keyPrefix: "order_start",
      points: this.limits.perIp,
      duration: this.limits.windowSeconds,
    });
    try {
      await this.limiter.consume(sha256(`${businessId}:${ip}`));
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}
