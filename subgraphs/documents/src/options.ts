import { loadSigningCertificate, type SigningCertificate } from "./pdf/index.js";

/** The platform's signing certificate, from the environment (base64 PKCS#12 and its passphrase). */
export interface SigningCertificateOption {
  p12Base64: string;
  passphrase: string;
}

export interface DocumentsOptions {
  /** PORTAL_SECRET: seals the generated development certificate's private material at rest. */
  portalSecret: string;
  production: boolean;
  /** Required in production; without it a development certificate is generated once and kept. */
  signingCertificate?: SigningCertificateOption;
}

export class DocumentsConfigError extends Error {}

/** Opens the configured certificate at start-up (not at the first completed document); null in development. */
export function configuredCertificate(options: DocumentsOptions): SigningCertificate | null {
  const certificate = options.signingCertificate;
  if (!certificate) {
    if (options.production) {
      throw new DocumentsConfigError(
        "SIGNING_CERTIFICATE_P12 and SIGNING_CERTIFICATE_PASSPHRASE are required in production: completed documents are sealed with the platform's certificate",
      );
    }
    return null;
  }
  try {
    return loadSigningCertificate(certificate.p12Base64, certificate.passphrase);
  } catch (error) {
    throw new DocumentsConfigError(`SIGNING_CERTIFICATE_P12: ${error instanceof Error ? error.message : String(error)}`);
  }
}
