import { graphql } from "../../../gql";

/** The programme's terms and settings: affiliates read the terms, staff edit them. */
export const AffiliateProgrammeFragment = graphql(`
  fragment AffiliateProgrammeFields on AffiliateProgramme {
    enabled
    commissionType
    commissionBasisPoints
    fixedAmount
    fixedCurrency
    recurringMonths
    attributionWindowDays
    holdDays
    minimumPayout
    allowedLandingUrls
  }
`);

/** A referral link with its own figures. */
export const ReferralLinkFragment = graphql(`
  fragment ReferralLinkFields on ReferralLink {
    id
    code
    url
    landingUrl
    isDefault
    createdAt
    clicks
    referrals
    conversions
    earnings { amount currency }
  }
`);

/** Totals and the daily series behind the chart and its table. */
export const AffiliateStatsFragment = graphql(`
  fragment AffiliateStatsFields on AffiliateStats {
    clicks
    referrals
    conversions
    conversionRate
    earnings { amount currency }
    earningsCurrency
    days { date clicks referrals conversions earnings }
  }
`);

/** One line of commission history, as both sides list it. */
export const CommissionFragment = graphql(`
  fragment CommissionFields on Commission {
    id
    kind
    status
    amount
    currency
    baseAmount
    invoiceId
    referralLabel
    createdAt
    payableAt
    approvedAt
    paidAt
    cancelledAt
    cancelReason
  }
`);

/** An affiliate with what both the affiliate's page and the console's affiliate page show. */
export const AffiliateOverviewFragment = graphql(`
  fragment AffiliateOverviewFields on Affiliate {
    id
    contactId
    name
    email
    status
    createdAt
    links { ...ReferralLinkFields }
    stats(days: 90) { ...AffiliateStatsFields }
    balances { currency pending approved paid }
  }
`);

/** What a link mutation answers: the link, or why not. */
export const ReferralLinkResultFragment = graphql(`
  fragment ReferralLinkResultFields on ReferralLinkResult {
    __typename
    ... on ReferralLinkSuccess { link { ...ReferralLinkFields } }
    ... on UserError { message }
    ... on ValidationError { field }
  }
`);

/** What approving or cancelling a commission answers. */
export const CommissionResultFragment = graphql(`
  fragment CommissionResultFields on CommissionResult {
    __typename
    ... on CommissionSuccess { commission { ...CommissionFields } }
    ... on UserError { message }
    ... on ValidationError { field }
  }
`);
