/** A fully rendered email, ready for a provider. */
export interface OutgoingEmail {
  businessId: string | null;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Template key, used as the provider's tag so messages can be told apart. */
  template: string;
  attachments?: EmailAttachment[];
}

/** A file sent with an email, e.g. a receipt PDF. */
export interface EmailAttachment {
  name: string;
  contentType: string;
  /** The file's bytes, base64-encoded (what Postmark's API takes). */
  contentBase64: string;
}

export interface MailTransport {
  /** Resolves with the provider's message id; rejects with MailDeliveryError. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

/**
 * Why a send failed, and whether trying again could help: network errors, provider outages (5xx)
 * and rate limits (429) are temporary; a refused recipient or message (other 4xx) is not.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly temporary: boolean,
  ) {
    super(message);
  }
}

/** `"Acme Studio" <portal@example.com>`: the business's name on the platform's sending address. */
export function fromHeader(displayName: string, fromAddress: string): string {
  const address = /<([^>]+)>/.exec(fromAddress)?.[1] ?? fromAddress.trim();
  const name = displayName.replace(/[\r\n]/g, " ").replace(/(["\\])/g, "\\$1");
  return `"${name}" <${address}>`;
}

/** How long fetching an attachment from another subgraph (a receipt, a sealed PDF) may take before the email's event is retried. */
export const PDF_FETCH_TIMEOUT_MS = 10_000;
