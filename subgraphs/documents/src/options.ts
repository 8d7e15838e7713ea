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

/** Fails at start-up, not at the first completed document. */
export function checkDocumentsOptions(options: DocumentsOptions): DocumentsOptions {
  const certificate = options.signingCertificate;
  if (options.production && !certificate) {
    throw new DocumentsConfigError("SIGNING_CERTIFICATE_P12 and SIGNING_CERTIFICATE_PASSPHRASE are required in production: documents are sealed with the platform's certificate");
  }
  if (certificate && !certificate.p12Base64) throw new DocumentsConfigError("SIGNING_CERTIFICATE_P12 is empty");
  return options;
}
