import { commonEnv, poolSizes, port, readConfig, type RuntimeConfig } from "@portal/kit";
import { z } from "zod";
import { DocumentsConfigError, type DocumentsOptions } from "./options.js";

/**
 * documents' environment, parsed once at start-up by whatever hosts it (its own process in
 * production, the development host under `npm start`).
 */
export function readDocumentsConfig(env: NodeJS.ProcessEnv) {
  const config = readConfig(
    {
      ...commonEnv,
      DOCUMENTS_PORT: port(4104),
      /** Base64 PKCS#12 (.p12/.pfx) with the platform's signing certificate and private key. */
      SIGNING_CERTIFICATE_P12: z.string().optional(),
      SIGNING_CERTIFICATE_PASSPHRASE: z.string().optional(),
    },
    env,
  );
  const production = config.NODE_ENV === "production";
  if (Boolean(config.SIGNING_CERTIFICATE_P12) !== (config.SIGNING_CERTIFICATE_PASSPHRASE !== undefined)) {
    throw new DocumentsConfigError("set SIGNING_CERTIFICATE_P12 and SIGNING_CERTIFICATE_PASSPHRASE together");
  }
  const signingCertificate = config.SIGNING_CERTIFICATE_P12
    ? { p12Base64: config.SIGNING_CERTIFICATE_P12, passphrase: config.SIGNING_CERTIFICATE_PASSPHRASE ?? "" }
    : undefined;
  const options: DocumentsOptions = { portalSecret: config.PORTAL_SECRET, production, signingCertificate };
  const runtime: RuntimeConfig = {
    databaseUrl: config.DATABASE_URL,
    connections: poolSizes(config),
    gatewaySecret: config.PORTAL_SECRET,
    port: config.DOCUMENTS_PORT,
    production,
  };
  return { options, runtime, note: signingCertificate ? undefined : "development signing certificate", warnings: [] as string[] };
}
