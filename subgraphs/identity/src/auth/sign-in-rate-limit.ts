import type { MikroORM, PostgreSqlConnection } from "@mikro-orm/postgresql";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { IdentityOptions } from "../options.js";

/**
 * Sign-in requests are limited per email and per IP. Counters live in PostgreSQL so every identity
 * instance shares them; the table is created by the migration, not by the library.
 */
export class SignInRateLimiter {
  private limiters: { perEmail: RateLimiterPostgres; perIp: RateLimiterPostgres } | null = null;

  // Built on first use, so the schema can be built (and its SDL printed) without a database.
  constructor(
    private readonly orm: MikroORM,
    private readonly limits: IdentityOptions["signInLimits"],
  ) {}

  private get store() {
    if (!this.limiters) {
      const knex = (this.orm.em.getConnection() as PostgreSqlConnection).getKnex();
      const common = { storeClient: knex, storeType: "knex", schemaName: "identity", tableName: "sign_in_rate_limit", tableCreated: true, duration: this.limits.windowSeconds };
      this.limiters = {
        perEmail: new RateLimiterPostgres({ ...common, keyPrefix: "email", points: this.limits.perEmail }),
        perIp: new RateLimiterPostgres({ ...common, keyPrefix: "ip", points: this.limits.perIp }),
      };
    }
    return this.limiters;
  }

  /** Counts one attempt; returns seconds to wait when over a limit, else null. */
  async attempt(businessId: string | null, email: string, ip: string): Promise<number | null> {
    try {
      await this.store.perIp.consume(ip);
      await this.store.perEmail.consume(`${businessId ?? "platform"}:${email.trim().toLowerCase()}`);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}
