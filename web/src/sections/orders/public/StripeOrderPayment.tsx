import { Elements } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { useEffect, useState } from "react";
import { OrderCardForm } from "./OrderCardForm";

/** Stripe.js comes from js.stripe.com; when it cannot load (offline, blocked) the buyer is told, not left waiting. */
const STRIPE_LOAD_TIMEOUT_MS = 15_000;

function loadStripeWithin(publishableKey: string): Promise<Stripe | null> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), STRIPE_LOAD_TIMEOUT_MS));
  return Promise.race([loadStripe(publishableKey), timeout]);
}

interface StripeOrderPaymentProps {
  clientSecret: string;
  publishableKey: string;
  price: string;
  /** The result page, where Stripe sends the buyer back after a bank's check. */
  returnUrl: string;
  onPaid: () => void;
}

/**
 * Card payment with Stripe's Payment Element, as the invoice pay page takes it. Billing
 * marks the order paid from Stripe's verified webhook; the result page waits for that.
 */
export function StripeOrderPayment({ clientSecret, publishableKey, price, returnUrl, onPaid }: StripeOrderPaymentProps) {
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    loadStripeWithin(publishableKey)
      .then((loaded) => {
        if (!current) return;
        if (loaded) setStripe(loaded);
        else setFailed(true);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [publishableKey]);
  if (failed)
    return (
      <p className="alert alert-error" role="alert" data-testid="payment-result">
        Card payments could not be loaded. Check your connection and reload the page to try again.
      </p>
    );
  if (!stripe)
    return (
      <p className="hint" role="status">
        Preparing secure card payment…
      </p>
    );
  return (
    <div data-testid="stripe-payment-element">
      <Elements key={clientSecret} stripe={stripe} options={{ clientSecret }}>
        <OrderCardForm price={price} returnUrl={returnUrl} onSubmitted={onPaid} />
      </Elements>
    </div>
  );
}
