import { PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { StripeError } from "@stripe/stripe-js";
import { type FormEvent, useState } from "react";

interface OrderCardFormProps {
  price: string;
  /** The result page, where Stripe sends the buyer back after a bank's check. */
  returnUrl: string;
  /** The payment went through or is being confirmed: the result page waits for billing's word. */
  onSubmitted: () => void;
}

/** Stripe's own wording for a declined card or invalid details is written for the card holder; anything else is not. */
function messageOf(error: StripeError): string {
  if ((error.type === "card_error" || error.type === "validation_error") && error.message) return error.message;
  return "Your payment could not be completed. Nothing was charged; please try again.";
}

/**
 * The Payment Element and its Pay button, as on the invoice pay page. A failed attempt leaves the
 * form ready to retry; a payment that succeeded or is still processing takes the buyer to the result
 * page, which follows the order until billing hears from Stripe.
 */
export function OrderCardForm({ price, returnUrl, onSubmitted }: OrderCardFormProps) {
  const stripe = useStripe();
  const elements = useElements();
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements || paying) return;
    setPaying(true);
    setFailure(null);
    const { error, paymentIntent } = await stripe.confirmPayment({
      elements,
      redirect: "if_required",
      confirmParams: { return_url: returnUrl },
    });
    if (error) {
      setPaying(false);
      setFailure(messageOf(error));
      return;
    }
    if (paymentIntent?.status === "succeeded" || paymentIntent?.status === "processing") onSubmitted();
    else setPaying(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <PaymentElement />
      {failure && (
        <p className="alert alert-error" role="alert" data-testid="payment-result">
          {failure}
        </p>
      )}
      <button type="submit" className="button button-large" disabled={!stripe || !elements || paying}>
        {paying ? "Paying…" : `Pay ${price}`}
      </button>
    </form>
  );
}
