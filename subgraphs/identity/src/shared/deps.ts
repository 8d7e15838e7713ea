import type { MikroORM } from "@mikro-orm/postgresql";
import type { LiveBus } from "@portal/kit";
import type PgBoss from "pg-boss";
import type { SignInRateLimiter } from "../auth/sign-in-rate-limit.js";
import type { IdentityOptions } from "../options.js";

/** Long-lived things resolvers need, handed to them by the schema's container. */
export interface IdentityDeps {
  options: IdentityOptions;
  orm: MikroORM;
  live: LiveBus;
  /** Queues sign-in requests (`auth/sign-in-link.queue.ts`). */
  boss: PgBoss;
  limiter: SignInRateLimiter;
}
