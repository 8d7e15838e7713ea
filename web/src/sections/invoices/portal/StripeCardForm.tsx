import { PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { StripeError } from "@stripe/stripe-js";
import { useState, type FormEvent } from "react";

interface StripeCardFormProps {
  amount: string;
  /** Where Stripe sends the client back after a bank's authentication page: this invoice. */
  returnUrl: string;
  onPaid: () => void;
}

/** Stripe's own wording for a declined card or invalid details is written for the card holder; anything else is not. */
function messageOf(error: StripeError): string {
  if ((error.type === "card_error" || error.type === "validation_error") && error.message) return error.message;
  return "Your payment could not be completed. Nothing was charged; please try again.";
}

/** The Payment Element and its Pay button; a failed attempt leaves the invoice payable and the form ready to retry. */
export function StripeCardForm({ amount, returnUrl, onPaid }: StripeCardFormProps) {
  const stripe = useStripe();
  const elements = useElements();
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

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
    setPaying(false);
    if (error) {
      setFailure(messageOf(error));
      return;
    }
    // The webhook records the payment; the invoice turns paid live when it does.
    setConfirming(true);
    if (paymentIntent?.status === "succeeded") onPaid();
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <PaymentElement />
      {failure && (
        <p className="alert alert-error" role="alert" data-testid="payment-result">
          {failure}
        </p>
      )}
      {confirming && !failure && (
        <p className="alert alert-success" role="status" data-testid="payment-result">
          Payment submitted — confirming with your bank…
        </p>
      )}
      <button type="submit" className="button button-large" disabled={!stripe || !elements || paying || confirming}>
        {paying ? "Paying…" : `Pay ${amount}`}
      </button>
    </form>
  );
}
