import { startBenchGateway } from "./bench-gateway.js";

/** Child process for the overhead benchmark: the gateway in production mode. Prints one JSON line when ready. */
const gateway = await startBenchGateway();
console.log(JSON.stringify({ url: gateway.url }));
process.on("SIGTERM", () => void gateway.stop().finally(() => process.exit(0)));
