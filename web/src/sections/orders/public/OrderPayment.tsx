import { useMutation } from "@apollo/client/react";
import { lazy, Suspense, useState } from "react";
import { useNavigate } from "react-router";
import type { PublicOfferQuery } from "../../../gql/graphql";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Loading } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { orderDonePath } from "../shared/links";
import type { StartedOrder } from "./BuyerForm";
import { PayOrderWithTestPaymentDocument } from "./operations";

/** Stripe's libraries load only for buyers who pay by card. */
const StripeOrderPayment = lazy(async () => ({ default: (await import("./StripeOrderPayment")).StripeOrderPayment }));

interface OrderPaymentProps {
  offer: NonNullable<PublicOfferQuery["publicOffer"]>;
  order: StartedOrder;
  price: string;
  onChangeDetails: () => void;
}

/**
 * Paying the started order: Stripe's Payment Element, or in the demo's test-payment mode a button
 * that pays locally (labelled so). Either way the buyer then lands on the result page.
 */
export function OrderPayment({ offer, order, price, onChangeDetails }: OrderPaymentProps) {
  const navigate = useNavigate();
  const donePath = orderDonePath(offer.slug, order.orderId);
  const done = () => void navigate(donePath);
  return (
    <section className="card pay-panel" aria-labelledby="order-pay-title">
      <h2 id="order-pay-title">Pay {price}</h2>
      <p>
        For <strong>{order.name}</strong> ({order.email}).{" "}
        <button type="button" className="button-link" onClick={onChangeDetails}>
          Change<span className="visually-hidden"> your details</span>
        </button>
      </p>
      {order.paymentMode === "TEST" ? (
        <TestOrderPayment order={order} price={price} onPaid={done} />
      ) : order.paymentMode === "STRIPE" && order.clientSecret && order.publishableKey ? (
        <Suspense fallback={<Loading label="Loading the payment form…" />}>
          <StripeOrderPayment
            clientSecret={order.clientSecret}
            publishableKey={order.publishableKey}
            price={price}
            returnUrl={new URL(donePath, window.location.origin).toString()}
            onPaid={done}
          />
        </Suspense>
      ) : (
        <p className="alert alert-info">Online payment is not available at the moment. Please contact us.</p>
      )}
    </section>
  );
}

function TestOrderPayment({ order, price, onPaid }: { order: StartedOrder; price: string; onPaid: () => void }) {
  const [pay, { loading, error }] = useMutation(PayOrderWithTestPaymentDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setProblem(null);
    const result = (await pay({ variables: { orderId: order.orderId, orderToken: order.orderToken } }).catch(() => null))?.data
      ?.payOrderWithTestPayment;
    if (!result) return;
    if (result.__typename === "PublicOrderStatus") onPaid();
    else setProblem(problemOf(result)?.message ?? "The payment did not go through. Please try again.");
  };
  return (
    <>
      <p className="test-mode-label" data-testid="test-payment-label">
        <strong>Test payment — no money moved.</strong> This portal is in test-payment mode; paying completes the order without charging a
        card.
      </p>
      <button type="button" className="button button-large" disabled={loading} onClick={() => void submit()}>
        {loading ? "Paying…" : `Pay ${price}`}
      </button>
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="payment-result">
          {problem}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </>
  );
}
