import { useMutation } from "@apollo/client/react";
import { Elements } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { useEffect, useState } from "react";
import { graphql } from "../../../gql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { StripeCardForm } from "./StripeCardForm";

const StartInvoicePaymentDocument = graphql(`
  mutation StartInvoicePayment($invoiceId: ID!) {
    startInvoicePayment(invoiceId: $invoiceId) {
      __typename
      ... on InvoicePaymentStarted { clientSecret publishableKey }
      ... on InvoiceNotPayable { message status }
      ... on PaymentUnavailable { message }
      ... on UserError { message }
    }
  }
`);

/** Stripe.js comes from js.stripe.com; when it cannot load (offline, blocked) the client is told, not left waiting. */
const STRIPE_LOAD_TIMEOUT_MS = 15_000;
const loadedStripe = new Map<string, Promise<Stripe | null>>();

function loadStripeOnce(publishableKey: string): Promise<Stripe | null> {
  let loading = loadedStripe.get(publishableKey);
  if (!loading) {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), STRIPE_LOAD_TIMEOUT_MS));
    loading = Promise.race([loadStripe(publishableKey), timeout]);
    // A failed load may succeed on the next visit (connection back), so it is not kept.
    loading.catch(() => loadedStripe.delete(publishableKey));
    loadedStripe.set(publishableKey, loading);
  }
  return loading;
}

type Started = { stripe: Stripe; clientSecret: string };

interface StripePaymentProps {
  invoiceId: string;
  /** The amount due; a new amount needs a new PaymentIntent, so it restarts the payment. */
  amountDue: number;
  amount: string;
  lastPaymentError: string | null;
  onPaid: () => void;
}

/**
 * Card payment with Stripe's Payment Element. Billing hands out the invoice's PaymentIntent
 * (reused across visits and double clicks); the webhook confirms the payment and the live
 * `invoiceChanged` subscription moves the invoice to paid.
 */
export function StripePayment({ invoiceId, amountDue, amount, lastPaymentError, onPaid }: StripePaymentProps) {
  const [start, { error }] = useMutation(StartInvoicePaymentDocument);
  const [started, setStarted] = useState<Started | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Stripe.js failing to load says nothing about the invoice, so the last decline still shows beside it.
  const [stripeUnavailable, setStripeUnavailable] = useState(false);

  useEffect(() => {
    let current = true;
    setStarted(null);
    setProblem(null);
    setStripeUnavailable(false);
    void (async () => {
      const result = (await start({ variables: { invoiceId } }).catch(() => null))?.data?.startInvoicePayment;
      if (!current || !result) return;
      if (result.__typename !== "InvoicePaymentStarted") {
        setProblem("message" in result ? result.message : "Online payment is not available for this invoice.");
        return;
      }
      const stripe = await loadStripeOnce(result.publishableKey).catch(() => null);
      if (!current) return;
      if (!stripe) {
        setStripeUnavailable(true);
        setProblem("Card payments could not be loaded. Check your connection and reload the page to try again.");
      } else setStarted({ stripe, clientSecret: result.clientSecret });
    })();
    return () => {
      current = false;
    };
  }, [start, invoiceId, amountDue]);

  return (
    <div data-testid="stripe-payment-element">
      {lastPaymentError && (!problem || stripeUnavailable) && (
        <p className="alert alert-error" role="alert" data-testid="last-payment-error">
          Your last payment did not go through: {lastPaymentError} You can try again.
        </p>
      )}
      {problem ? (
        <p className="alert alert-error" role="alert" data-testid="payment-result">
          {problem}
        </p>
      ) : started ? (
        <Elements key={started.clientSecret} stripe={started.stripe} options={{ clientSecret: started.clientSecret }}>
          {/* A failure reported later by the webhook (e.g. after "processing") makes the form ready to retry. */}
          <StripeCardForm key={lastPaymentError ?? ""} amount={amount} returnUrl={window.location.href} onPaid={onPaid} />
        </Elements>
      ) : (
        !error && (
          <p className="hint" role="status">
            Preparing secure card payment…
          </p>
        )
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
