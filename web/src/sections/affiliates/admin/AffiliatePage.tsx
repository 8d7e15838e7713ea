import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { AdminAffiliateQuery } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { CommissionHistory } from "../shared/CommissionHistory";
import { CreateLinkForm } from "../shared/CreateLinkForm";
import { LinksTable } from "../shared/LinksTable";
import { formatAmounts, mainCurrency } from "../shared/money";
import { ReferralsList } from "../shared/ReferralsList";
import { StatsPanel } from "../shared/StatsPanel";
import { AffiliateTabs } from "./AffiliateTabs";
import { AdminAffiliateDocument, DeleteReferralLinkDocument } from "./operations";

type Affiliate = NonNullable<AdminAffiliateQuery["affiliate"]>;

/** One affiliate for staff: figures over time, links (add, delete), referrals and commissions. */
export function AffiliatePage() {
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminAffiliateDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Affiliate";
  }, []);
  return (
    <>
      <BackLink to="/admin/affiliates" label="Affiliates" />
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the affiliate…" onRetry={() => void refetch()}>
        {({ affiliate, affiliateProgramme }) =>
          affiliate ? (
            <Details
              affiliate={affiliate}
              allowedLandingUrls={affiliateProgramme.allowedLandingUrls}
              fallbackCurrency={affiliateProgramme.fixedCurrency}
              onChanged={() => void refetch()}
            />
          ) : (
            <>
              <h1>Affiliate</h1>
              <AffiliateTabs />
              <p className="empty-state">This affiliate does not exist.</p>
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Details({
  affiliate,
  allowedLandingUrls,
  fallbackCurrency,
  onChanged,
}: {
  affiliate: Affiliate;
  allowedLandingUrls: string[];
  fallbackCurrency: string;
  onChanged: () => void;
}) {
  const linksHeading = useId();
  const [message, setMessage] = useState("");
  const [deleteLink, deleting] = useMutation(DeleteReferralLinkDocument);
  // The daily earnings are in the currency the API names; without earnings, any currency shows zeros.
  const currency = affiliate.stats.earningsCurrency ?? mainCurrency(affiliate.stats.earnings, fallbackCurrency);
  const remove = async (linkId: string, code: string) => {
    const result = (await deleteLink({ variables: { linkId } })).data?.deleteReferralLink;
    if (result?.__typename === "ReferralLinkSuccess") {
      setMessage(`The link “${code}” was deleted.`);
      onChanged();
    } else setMessage(problemOf(result)?.message ?? "Could not delete the link.");
  };
  return (
    <>
      <h1>{affiliate.name}</h1>
      <AffiliateTabs />
      <div className="card">
        <dl className="details">
          <dt>Email</dt>
          <dd>{affiliate.email}</dd>
          <dt>Contact</dt>
          <dd>
            <Link to={`/admin/contacts/${affiliate.contactId}`}>Open the contact</Link>
          </dd>
          <dt>Status</dt>
          <dd>{affiliate.status === "ACTIVE" ? "Active" : "Removed: links still open their page but count nothing"}</dd>
          <dt>Affiliate since</dt>
          <dd>{formatDateTime(affiliate.createdAt)}</dd>
          <dt>Pending</dt>
          <dd>{formatAmounts(affiliate.balances.map((b) => ({ amount: b.pending, currency: b.currency })))}</dd>
          <dt>Approved, unpaid</dt>
          <dd>{formatAmounts(affiliate.balances.map((b) => ({ amount: b.approved, currency: b.currency })))}</dd>
          <dt>Paid</dt>
          <dd>{formatAmounts(affiliate.balances.map((b) => ({ amount: b.paid, currency: b.currency })))}</dd>
        </dl>
        <Link to={`/admin/affiliates/commissions?affiliate=${affiliate.id}`}>Approve or cancel their commissions</Link>
      </div>
      <StatsPanel stats={affiliate.stats} days={90} currency={currency} />
      <section className="card" aria-labelledby={linksHeading}>
        <h2 id={linksHeading}>Links</h2>
        <p role="status" className="hint">
          {message}
        </p>
        <LinksTable
          links={affiliate.links}
          label={`${affiliate.name}'s links`}
          actions={(link) =>
            link.isDefault ? null : (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={deleting.loading}
                onClick={() => void remove(link.id, link.code)}
              >
                Delete<span className="visually-hidden"> link {link.code}</span>
              </button>
            )
          }
        />
        {affiliate.status === "ACTIVE" && (
          <CreateLinkForm
            affiliateId={affiliate.id}
            allowedLandingUrls={allowedLandingUrls}
            onCreated={(url) => {
              setMessage(`New link: ${url}`);
              onChanged();
            }}
          />
        )}
      </section>
      <ReferralsList affiliateId={affiliate.id} />
      <CommissionHistory affiliateId={affiliate.id} heading="Commissions" />
    </>
  );
}
