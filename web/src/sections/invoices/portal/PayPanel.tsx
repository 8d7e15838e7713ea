import { useMutation } from "@apollo/client/react";
import { lazy, Suspense, useState } from "react";
import { graphql } from "../../../gql";
import type { InvoiceDetailFragment } from "../../../gql/graphql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { formatMoney } from "../../../shared/money";
import { dropInvoiceLists } from "../shared/useInvoiceLive";
import { Loading } from "../../../shared/QueryState";
import { problemOf, type Problem } from "../../../shared/results";
import type { PaymentMode } from "../../../gql/graphql";

/** Stripe's React library comes only to clients who pay by card, not with every invoice page. */
const StripePayment = lazy(async () => ({ default: (await import("./StripePayment")).StripePayment }));

const PayWithTestPaymentDocument = graphql(`
  mutation PayInvoiceWithTestPayment($invoiceId: ID!) {
    payInvoiceWithTestPayment(invoiceId: $invoiceId) {
      __typename
      ... on UserError { message }
      ... on InvoiceSuccess { invoice { ...InvoiceDetail } }
    }
  }
`);

interface PayPanelProps {
  invoice: InvoiceDetailFragment;
  options: { paymentMode: PaymentMode };
}

type Paid = { amount: string; test: boolean };

/**
 * Paying the amount due. In test-payment mode (the demo, no Stripe keys) the payment completes
 * locally and is labelled as such; with Stripe keys the client pays with Stripe's Payment Element.
 */
export function PayPanel({ invoice, options }: PayPanelProps) {
  const amount = formatMoney(invoice.amountDue, invoice.currency);
  // The result of a payment made here stays on screen after the invoice turns paid.
  const [paid, setPaid] = useState<Paid | null>(null);
  if (invoice.amountDue === 0) {
    return paid ? <PaymentReceived {...paid} /> : null;
  }
  return (
    <section className="card pay-panel" aria-labelledby="pay-title">
      <h2 id="pay-title">Pay {amount}</h2>
      {options.paymentMode === "TEST" ? (
        <TestPayment invoice={invoice} amount={amount} onPaid={() => setPaid({ amount, test: true })} />
      ) : options.paymentMode === "STRIPE" ? (
        <Suspense fallback={<Loading label="Loading the payment form…" />}>
          <StripePayment
            invoiceId={invoice.id}
            amountDue={invoice.amountDue}
            amount={amount}
            lastPaymentError={invoice.lastPaymentError ?? null}
            onPaid={() => setPaid({ amount, test: false })}
          />
        </Suspense>
      ) : (
        <p className="hint">Online payment is not available in this portal. Please contact us to pay.</p>
      )}
    </section>
  );
}

function PaymentReceived({ amount, test }: Paid) {
  return (
    <p className="alert alert-success" role="status" data-testid="payment-result">
      Payment of {amount} received{test && " (test payment — no money moved)"}. Thank you!
    </p>
  );
}

interface TestPaymentProps {
  invoice: InvoiceDetailFragment;
  amount: string;
  onPaid: () => void;
}

function TestPayment({ invoice, amount, onPaid }: TestPaymentProps) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pay, { loading, error }] = useMutation(PayWithTestPaymentDocument, {
    update: (cache) => dropInvoiceLists(cache, invoice.contact.id),
  });
  const submit = async () => {
    setProblem(null);
    const result = (await pay({ variables: { invoiceId: invoice.id } })).data?.payInvoiceWithTestPayment;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "InvoiceSuccess") onPaid();
  };
  return (
    <>
      <p className="test-mode-label" data-testid="test-payment-label">
        <strong>Test payment — no money moved.</strong> This portal is in test-payment mode; paying completes the invoice without charging a
        card.
      </p>
      <button type="button" className="button button-large" disabled={loading} onClick={() => void submit()}>
        {loading ? "Paying…" : `Pay ${amount}`}
      </button>
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="payment-result">
          {problem.message}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </>
  );
}
