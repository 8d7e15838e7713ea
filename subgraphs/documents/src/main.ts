import { commonEnv, port, readConfig, runSubgraph } from "@portal/kit";
import { z } from "zod";
import { createDocumentsSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/documents/src/main.ts`, configured from the environment. */
const config = readConfig({
  ...commonEnv,
  DOCUMENTS_PORT: port(4104),
  /** Base64 PKCS#12 (.p12/.pfx) with the platform's signing certificate and private key. */
  SIGNING_CERTIFICATE_P12: z.string().optional(),
  SIGNING_CERTIFICATE_PASSPHRASE: z.string().optional(),
});

const production = config.NODE_ENV === "production";
if (Boolean(config.SIGNING_CERTIFICATE_P12) !== (config.SIGNING_CERTIFICATE_PASSPHRASE !== undefined)) {
  console.error("[documents] set SIGNING_CERTIFICATE_P12 and SIGNING_CERTIFICATE_PASSPHRASE together");
  process.exit(1);
}
const signingCertificate = config.SIGNING_CERTIFICATE_P12
  ? { p12Base64: config.SIGNING_CERTIFICATE_P12, passphrase: config.SIGNING_CERTIFICATE_PASSPHRASE ?? "" }
  : undefined;

const running = await runSubgraph(createDocumentsSubgraph({ portalSecret: config.PORTAL_SECRET, production, signingCertificate }), {
  databaseUrl: config.DATABASE_URL, gatewaySecret: config.PORTAL_SECRET, port: config.DOCUMENTS_PORT, production,
});
console.log(`[documents] listening on ${running.url}${signingCertificate ? "" : " (development signing certificate)"}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[documents] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[documents] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
