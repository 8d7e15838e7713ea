import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { graphql } from "../../../gql";
import { formatDateTime } from "../../../shared/format";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { grantsInWords, paymentMethodLabel } from "../shared/labels";
import { orderReceiptPdfUrl } from "../shared/links";
import { formatMoney } from "../shared/money";
import "../shared/orders.css";

const ClientOrderDocument = graphql(`
  query ClientOrder($id: ID!) {
    order(id: $id) { id number offerName status amount currency paymentMethod paidAt courseIds groupIds receiptUrl }
  }
`);

/**
 * `/orders/<id>`: the signed-in buyer's receipt for one order (the receipt email links here), with
 * the PDF and the way to what they bought.
 */
export function OrderReceiptPage() {
  const { orderId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(ClientOrderDocument, { variables: { id: orderId } });
  useEffect(() => {
    document.title = "Your order";
  }, []);
  return (
    <>
      <BackLink to="/orders" label="All your orders" />
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading your order…" onRetry={() => void refetch()}>
        {({ order }) =>
          !order ? (
            <>
              <h1>Order not found</h1>
              <p>
                This order is not in your portal. <Link to="/">Go to your dashboard</Link>.
              </p>
            </>
          ) : (
            <>
              <h1>Order #{order.number}</h1>
              <section className="card" aria-labelledby="order-details-title">
                <h2 id="order-details-title">{order.offerName}</h2>
                <dl className="details">
                  <dt>Paid</dt>
                  <dd data-testid="order-amount">{formatMoney(order.amount, order.currency)}</dd>
                  <dt>Date</dt>
                  <dd>{formatDateTime(order.paidAt)}</dd>
                  <dt>Payment</dt>
                  <dd>{paymentMethodLabel(order.paymentMethod)}</dd>
                  <dt>Includes</dt>
                  <dd>{grantsInWords(order)}</dd>
                </dl>
                {order.paidAt && (
                  <ul className="download-links" aria-label="Downloads">
                    <li>
                      <a href={order.receiptUrl ?? orderReceiptPdfUrl(order.id)} download>
                        Download receipt
                      </a>
                    </li>
                  </ul>
                )}
              </section>
              <ul className="plain-list">
                {order.courseIds.length > 0 && (
                  <li>
                    <Link to="/courses">Go to your courses</Link>
                  </li>
                )}
                {order.groupIds.length > 0 && (
                  <li>
                    <Link to="/communities">Go to your community groups</Link>
                  </li>
                )}
              </ul>
            </>
          )
        }
      </QueryState>
    </>
  );
}
