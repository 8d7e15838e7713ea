import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import "../shared/orders.css";
import { OfferForm } from "./OfferForm";
import { OfferDocument } from "./operations";

/** /admin/offers/new and /admin/offers/:offerId. */
export function OfferFormPage() {
  const { offerId } = useParams();
  useEffect(() => {
    document.title = offerId ? "Edit offer" : "New offer";
  }, [offerId]);
  return (
    <>
      <BackLink to="/admin/offers" label="Back to offers" />
      {offerId ? <EditOffer offerId={offerId} /> : <OfferForm />}
    </>
  );
}

function EditOffer({ offerId }: { offerId: string }) {
  const { data, loading, error, refetch } = useQuery(OfferDocument, { variables: { id: offerId } });
  return (
    <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the offer…" onRetry={() => void refetch()}>
      {({ offer }) =>
        offer ? (
          <OfferForm key={offer.id} existing={offer} />
        ) : (
          <>
            <h1>Offer not found</h1>
            <Link to="/admin/offers">Back to offers</Link>
          </>
        )
      }
    </QueryState>
  );
}
