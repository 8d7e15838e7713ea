import { startGateway } from "../../gateway/src/index.js";

/** Child process for the overhead benchmark: the gateway in production mode. Prints one JSON line when ready. */
const gateway = await startGateway({
  port: 0,
  supergraphPath: process.env.BENCH_SUPERGRAPH_PATH!,
  identityInternalUrl: process.env.BENCH_IDENTITY_URL!,
  portalSecret: process.env.BENCH_SECRET!,
  databaseUrl: process.env.BENCH_DATABASE_URL!,
  defaultBusinessSlug: process.env.BENCH_DEFAULT_BUSINESS_SLUG,
  production: true,
  logging: false,
});
console.log(JSON.stringify({ url: gateway.url }));
process.on("SIGTERM", () => void gateway.stop().finally(() => process.exit(0)));
