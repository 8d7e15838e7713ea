/** pg-boss queue that delivers rendered emails through the mail transport. */
export const SEND_EMAIL_QUEUE = "automation.send-email";

/** The rendered message is sealed: the one-time link must not sit readable in the job table. */
export interface SendEmailJob {
  emailLogId: string;
  businessId: string | null;
  sealedEmail: string;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** Delay before the first retry; doubles each time (pg-boss backoff). */
  delaySeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 6, delaySeconds: 5 };
