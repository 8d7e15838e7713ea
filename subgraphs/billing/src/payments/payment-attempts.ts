import { sql, type EntityManager } from "@portal/kit";

export type AttemptStatus = "pending" | "succeeded" | "failed" | "canceled";

/** One online payment attempt: a Stripe PaymentIntent for the amount due at the time. */
export interface PaymentAttempt {
  id: string;
  business_id: string;
  invoice_id: string;
  generation: number;
  amount: number;
  currency: string;
  provider_id: string;
  status: AttemptStatus;
  failure_reason: string | null;
}

const COLUMNS = `id, business_id, invoice_id, generation, amount, currency, provider_id, status, failure_reason`;

/** The invoice's newest attempt (callers hold the invoice lock, so it cannot change underneath). */
export async function latestAttempt(tx: EntityManager, businessId: string, invoiceId: string): Promise<PaymentAttempt | null> {
  const [row] = await sql<PaymentAttempt>(
    tx,
    `select ${COLUMNS} from billing.payment_attempt where business_id = ? and invoice_id = ? order by generation desc limit 1`,
    [businessId, invoiceId],
  );
  return row ?? null;
}

/** Which business and invoice a provider id belongs to; webhooks arrive without any tenant. */
export async function attemptByProviderId(em: EntityManager, providerId: string): Promise<PaymentAttempt | null> {
  const [row] = await sql<PaymentAttempt>(em, `select ${COLUMNS} from billing.payment_attempt where provider_id = ?`, [providerId]);
  return row ?? null;
}

export async function insertAttempt(tx: EntityManager, attempt: Omit<PaymentAttempt, "id" | "status" | "failure_reason">): Promise<void> {
  await sql(
    tx,
    `insert into billing.payment_attempt (business_id, invoice_id, generation, amount, currency, provider_id) values (?, ?, ?, ?, ?, ?)
     on conflict (provider_id) do nothing`,
    [attempt.business_id, attempt.invoice_id, attempt.generation, attempt.amount, attempt.currency, attempt.provider_id],
  );
}

export async function setAttemptStatus(
  tx: EntityManager,
  id: string,
  status: AttemptStatus,
  failureReason: string | null = null,
): Promise<void> {
  await sql(tx, `update billing.payment_attempt set status = ?, failure_reason = ?, updated_at = now() where id = ?`, [
    status,
    failureReason,
    id,
  ]);
}

/** Why the newest attempt of each open invoice failed, if it did: what the client is shown. */
export async function lastFailureReason(em: EntityManager, businessId: string, invoiceId: string): Promise<string | null> {
  const latest = await latestAttempt(em, businessId, invoiceId);
  return latest?.status === "failed" ? latest.failure_reason : null;
}
