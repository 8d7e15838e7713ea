import { startGateway } from "../../gateway/src/index.js";

/** The gateway as the benchmarks' child processes run it: production mode, configured by BENCH_* variables. */
export function startBenchGateway() {
  return startGateway({
    port: 0,
    supergraphPath: process.env.BENCH_SUPERGRAPH_PATH!,
    identityInternalUrl: process.env.BENCH_IDENTITY_URL!,
    portalSecret: process.env.BENCH_SECRET!,
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    defaultBusinessSlug: process.env.BENCH_DEFAULT_BUSINESS_SLUG,
    production: true,
    logging: false,
    // Counted like production (the limiter's cost is in the figures), with limits no benchmark reaches.
    rateLimits: { apiKey: 1e9, session: 1e9, anonymous: 1e9 },
  });
}
