import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import type { PublicOfferQuery } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { referralCodeFrom } from "../shared/links";
import { formatMoney } from "../shared/money";
import "../shared/orders.css";
import { BuyerForm, type StartedOrder } from "./BuyerForm";
import { PublicOfferDocument } from "./operations";
import { OrderPayment } from "./OrderPayment";

type Offer = NonNullable<PublicOfferQuery["publicOffer"]>;

/**
 * `/buy/<slug>`: an offer's public order page on the business's portal host, branded like the
 * portal, with no sign-in. The buyer gives their name and email, then pays; an affiliate's `?ref=`
 * goes with the order so the referral is credited.
 */
export function OrderPage() {
  const { slug = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(PublicOfferDocument, { variables: { slug } });
  useEffect(() => {
    if (data?.publicOffer) document.title = data.publicOffer.name;
  }, [data]);
  return (
    <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the offer…" onRetry={() => void refetch()}>
      {({ publicOffer }) =>
        publicOffer ? (
          <OfferOrder offer={publicOffer} />
        ) : (
          <section className="card">
            <h1>This offer is not available</h1>
            <p>It may have sold out or been withdrawn. If you were sent this link, ask the sender for a new one.</p>
          </section>
        )
      }
    </QueryState>
  );
}

function OfferOrder({ offer }: { offer: Offer }) {
  const [params] = useSearchParams();
  const referralCode = referralCodeFrom(params);
  const [started, setStarted] = useState<StartedOrder | null>(null);
  const [buyer, setBuyer] = useState<{ name: string; email: string } | undefined>(undefined);
  const price = formatMoney(offer.price, offer.currency);
  return (
    <>
      <section className="card" aria-labelledby="offer-title">
        <div className="order-summary">
          <h1 id="offer-title">{offer.name}</h1>
          <p className="order-price" data-testid="offer-price">
            {price}
          </p>
        </div>
        {offer.descriptionHtml && (
          // Rendered and sanitised by billing from the staff's Markdown.
          <div className="order-description" dangerouslySetInnerHTML={{ __html: offer.descriptionHtml }} />
        )}
      </section>
      {offer.paymentMode === "OFFLINE" ? (
        <p className="alert alert-info">This offer cannot be bought online at the moment. Please contact us.</p>
      ) : started ? (
        <OrderPayment
          offer={offer}
          order={started}
          price={price}
          onChangeDetails={() => {
            setBuyer({ name: started.name, email: started.email });
            setStarted(null);
          }}
        />
      ) : (
        <BuyerForm slug={offer.slug} referralCode={referralCode} price={price} initial={buyer} onStarted={setStarted} />
      )}
    </>
  );
}
