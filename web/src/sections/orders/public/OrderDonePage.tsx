import { useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorMessage } from "../../../shared/ErrorMessage";
import { Loading } from "../../../shared/QueryState";
import { offerPath } from "../shared/links";
import { formatMoney } from "../shared/money";
import "../shared/orders.css";
import { PublicOrderStatusDocument } from "./operations";
import { orderOutcome, pollDelay, SLOW_AFTER_MS } from "./orderOutcome";
import { orderTokenOf } from "./orderToken";

/**
 * `/buy/<slug>/done?order=<id>`: after paying. The page asks billing for the order's status until
 * the payment is confirmed and the buyer's access is set up, then says what to do next: a new client
 * checks their email for the invitation, someone who already had the portal signs in.
 */
export function OrderDonePage() {
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const orderId = params.get("order") ?? "";
  // Stripe appends this when the buyer comes back from a bank's check that failed.
  const redirectFailed = params.get("redirect_status") === "failed";
  const token = orderId ? orderTokenOf(orderId) : null;
  useEffect(() => {
    document.title = "Thank you";
  }, []);
  if (redirectFailed)
    return (
      <section className="card order-result">
        <h1>Your payment did not go through</h1>
        <p>Nothing was charged. You can try again with another card.</p>
        <Link className="button" to={offerPath(slug)}>
          Try again
        </Link>
      </section>
    );
  if (!orderId || !token)
    return (
      <section className="card order-result">
        <h1>Thank you</h1>
        <p>
          We cannot show this order's progress on this device. If you paid, the confirmation and your access arrive by email within a few
          minutes.
        </p>
      </section>
    );
  return <OrderProgress orderId={orderId} token={token} />;
}

function OrderProgress({ orderId, token }: { orderId: string; token: string }) {
  const startedAt = useRef(Date.now());
  const attempt = useRef(0);
  const [slow, setSlow] = useState(false);
  const { data, error, refetch } = useQuery(PublicOrderStatusDocument, {
    variables: { orderId, orderToken: token },
    fetchPolicy: "network-only",
    notifyOnNetworkStatusChange: false,
  });
  const order = data?.publicOrderStatus;
  const outcome = orderOutcome(order, data !== undefined);
  // Ask again, more slowly as time goes by, until billing knows the ending. Each answer (even an
  // unchanged one, which renders nothing new) schedules the next question.
  const [asked, setAsked] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` is what re-arms the timer after each answer.
  useEffect(() => {
    if (outcome !== "CONFIRMING") return;
    const timer = setTimeout(() => {
      attempt.current += 1;
      if (Date.now() - startedAt.current > SLOW_AFTER_MS) setSlow(true);
      void refetch()
        .catch(() => undefined)
        .finally(() => setAsked((count) => count + 1));
    }, pollDelay(attempt.current));
    return () => clearTimeout(timer);
  }, [outcome, asked, refetch]);

  if (outcome === "UNKNOWN")
    return (
      <section className="card order-result">
        <h1>Order not found</h1>
        <p>This link does not match an order. If you paid, your confirmation arrives by email.</p>
      </section>
    );
  const paid = order ? formatMoney(order.amount, order.currency) : null;
  return (
    <section className="card order-result" aria-labelledby="order-result-title" data-testid="order-result">
      {outcome === "CONFIRMING" ? (
        <>
          <h1 id="order-result-title">Confirming your payment…</h1>
          <Loading
            label={
              slow ? "This is taking longer than usual. You can leave this page: we email you when it is done." : "One moment, please."
            }
          />
          {error && <ErrorMessage error={error} />}
        </>
      ) : (
        <>
          <p className="alert alert-success" role="status">
            Payment of {paid} received{order && ` for ${order.offerName}`}. Order #{order?.number}.
          </p>
          {outcome === "CHECK_EMAIL" ? (
            <>
              <h1 id="order-result-title">Check your email</h1>
              <p>
                We sent an invitation to <strong>{order?.buyerEmail}</strong>. Open it to sign in to your portal, where you will find what
                you bought and your receipt.
              </p>
            </>
          ) : (
            <>
              <h1 id="order-result-title">You're all set</h1>
              <p>What you bought is in your portal, with your receipt. Sign in with {order?.buyerEmail} to find it.</p>
              <Link className="button" to="/sign-in">
                Sign in to the portal
              </Link>
            </>
          )}
        </>
      )}
    </section>
  );
}
