import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import type { MyAffiliateQuery } from "../../../gql/graphql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { CopyButton } from "../../../shared/CopyButton";
import { QueryState } from "../../../shared/QueryState";
import { CommissionHistory } from "../shared/CommissionHistory";
import { CreateLinkForm } from "../shared/CreateLinkForm";
import { LinksTable } from "../shared/LinksTable";
import { formatAmounts, mainCurrency } from "../shared/money";
import { ProgrammeTerms } from "../shared/ProgrammeTerms";
import { ReferralsList } from "../shared/ReferralsList";
import { StatsPanel } from "../shared/StatsPanel";
import "../shared/affiliates.css";
import { AffiliateTermsDocument, MyAffiliateDocument } from "./operations";
import { AffiliatesOff } from "./SectionOff";

type Affiliate = NonNullable<MyAffiliateQuery["myAffiliate"]>;

/** An affiliate's own page: their link to share, figures over time, links, commissions and the terms. */
export function AffiliatesPage() {
  const enabled = useSectionEnabled("AFFILIATES");
  const { data, loading, error, refetch } = useQuery(MyAffiliateDocument, { fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Affiliates";
  }, []);
  if (enabled === false) return <AffiliatesOff />;
  return (
    <>
      <h1>Affiliates</h1>
      <QueryState
        loading={loading}
        error={data?.myAffiliate ? null : error}
        data={data}
        loadingLabel="Loading your affiliate figures…"
        onRetry={() => void refetch()}
      >
        {({ myAffiliate }) =>
          myAffiliate && myAffiliate.status === "ACTIVE" ? (
            <AffiliateOverview affiliate={myAffiliate} onChanged={() => void refetch()} />
          ) : (
            <p className="empty-state" data-testid="not-an-affiliate">
              You are not part of the affiliate programme. Ask us if you would like to refer clients.
            </p>
          )
        }
      </QueryState>
    </>
  );
}

function AffiliateOverview({ affiliate, onChanged }: { affiliate: Affiliate; onChanged: () => void }) {
  // Only affiliates may read the terms: asked for once the page knows this client is one.
  const programme = useQuery(AffiliateTermsDocument).data?.affiliateProgramme;
  const linkHeading = useId();
  const linksHeading = useId();
  const earningsHeading = useId();
  const [notice, setNotice] = useState("");
  const main = affiliate.links.find((link) => link.isDefault) ?? affiliate.links[0];
  // The daily earnings are in the currency the API names; without earnings, any currency shows zeros.
  const currency = affiliate.stats.earningsCurrency ?? mainCurrency(affiliate.stats.earnings, programme?.fixedCurrency ?? "");
  const pending = affiliate.balances.map((balance) => ({ amount: balance.pending, currency: balance.currency }));
  const approved = affiliate.balances.map((balance) => ({ amount: balance.approved, currency: balance.currency }));
  const paid = affiliate.balances.map((balance) => ({ amount: balance.paid, currency: balance.currency }));
  return (
    <>
      {main && (
        <section className="card" aria-labelledby={linkHeading} data-testid="my-referral-link">
          <h2 id={linkHeading}>Your referral link</h2>
          <p>Share it: people who sign up through it and pay count as your referrals.</p>
          <code className="aff-link-url" data-testid="my-referral-url">
            {main.url}
          </code>
          <div className="actions">
            <CopyButton text={main.url} label="Copy your link" />
          </div>
        </section>
      )}
      <section aria-labelledby={earningsHeading}>
        <h2 id={earningsHeading} className="visually-hidden">
          Your earnings
        </h2>
        <dl className="aff-figures">
          <div>
            <dt>Pending</dt>
            <dd data-testid="balance-pending">{formatAmounts(pending, "Nothing yet")}</dd>
          </div>
          <div>
            <dt>Approved, to be paid</dt>
            <dd data-testid="balance-approved">{formatAmounts(approved, "Nothing yet")}</dd>
          </div>
          <div>
            <dt>Paid to you</dt>
            <dd data-testid="balance-paid">{formatAmounts(paid, "Nothing yet")}</dd>
          </div>
        </dl>
      </section>
      <StatsPanel stats={affiliate.stats} days={90} currency={currency} />
      <section className="card" aria-labelledby={linksHeading}>
        <h2 id={linksHeading}>Your links</h2>
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
        <LinksTable links={affiliate.links} label="Your links" />
        <CreateLinkForm
          allowedLandingUrls={programme?.allowedLandingUrls ?? []}
          onCreated={(url) => {
            setNotice(`Your new link is ready: ${url}`);
            onChanged();
          }}
        />
      </section>
      <ReferralsList affiliateId={affiliate.id} heading="Your referrals" />
      <CommissionHistory affiliateId={affiliate.id} />
      {programme && <ProgrammeTerms programme={programme} currency={currency} />}
    </>
  );
}
