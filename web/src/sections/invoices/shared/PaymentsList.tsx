import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { formatMoney } from "../../../shared/money";

const METHODS: Record<string, string> = {
  cash: "Cash",
  bank_transfer: "Bank transfer",
  check: "Check",
  card: "Card",
  other: "Other",
  test: "Test payment (no money moved)",
};

export function paymentMethodLabel(method: string): string {
  return METHODS[method] ?? method;
}

/** Payments and refunds, oldest first; references (staff only) when the API returns them. */
export function PaymentsList({ invoice }: { invoice: InvoiceDetailFragment }) {
  if (invoice.payments.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`payments-${invoice.id}`}>
      <h2 id={`payments-${invoice.id}`}>Payments</h2>
      <ul className="plain-list">
        {invoice.payments.map((payment) => (
          <li key={payment.id} className="session" data-testid="payment">
            <p>
              <strong>{payment.kind === "REFUND" ? "Refund" : "Payment"}</strong> {payment.kind === "REFUND" ? "−" : ""}
              {formatMoney(payment.amount, invoice.currency)}
              {payment.kind === "PAYMENT" && <> · {paymentMethodLabel(payment.method)}</>}
              {payment.reference && <> · {payment.reference}</>}
            </p>
            <p className="hint">{formatDateTime(payment.createdAt)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
