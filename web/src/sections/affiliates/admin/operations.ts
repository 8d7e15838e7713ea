import { graphql } from "../../../gql";

export const AdminAffiliateProgrammeDocument = graphql(`
  query AdminAffiliateProgramme {
    affiliateProgramme { ...AffiliateProgrammeFields }
  }
`);

export const UpdateAffiliateProgrammeDocument = graphql(`
  mutation UpdateAffiliateProgramme($input: AffiliateProgrammeInput!) {
    updateAffiliateProgramme(input: $input) {
      __typename
      ... on AffiliateProgrammeSuccess { programme { ...AffiliateProgrammeFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

/** The affiliates list with each one's figures, searchable by name or email. */
export const AdminAffiliatesDocument = graphql(`
  query AdminAffiliates($search: String, $first: Int, $after: String) {
    affiliates(search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          email
          status
          createdAt
          stats(days: 90) { clicks referrals conversions conversionRate earnings { amount currency } }
          balances { currency pending approved paid }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const AdminAffiliateDocument = graphql(`
  query AdminAffiliate($id: ID!) {
    affiliate(id: $id) { ...AffiliateOverviewFields }
    affiliateProgramme { ...AffiliateProgrammeFields }
  }
`);

/** Contacts to make affiliates of: type to narrow, then choose. */
export const AffiliateContactOptionsDocument = graphql(`
  query AffiliateContactOptions($search: String) {
    contacts(first: 20, search: $search) {
      edges { node { id name email } }
    }
  }
`);

export const MakeAffiliateDocument = graphql(`
  mutation MakeAffiliate($contactId: ID!, $inviteToPortal: Boolean) {
    makeAffiliate(contactId: $contactId, inviteToPortal: $inviteToPortal) {
      __typename
      ... on AffiliateSuccess { affiliate { id name status } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const RemoveAffiliateDocument = graphql(`
  mutation RemoveAffiliate($affiliateId: ID!) {
    removeAffiliate(affiliateId: $affiliateId) {
      __typename
      ... on AffiliateSuccess { affiliate { id name status } }
      ... on UserError { message }
    }
  }
`);

export const DeleteReferralLinkDocument = graphql(`
  mutation DeleteReferralLink($linkId: ID!) {
    deleteReferralLink(linkId: $linkId) { ...ReferralLinkResultFields }
  }
`);

/** Every affiliate's commissions, newest first, by status and affiliate. */
export const AdminCommissionsDocument = graphql(`
  query AdminCommissions($status: CommissionStatus, $affiliateId: ID, $first: Int, $after: String) {
    affiliateCommissions(status: $status, affiliateId: $affiliateId, first: $first, after: $after) {
      edges { cursor node { ...CommissionFields affiliate { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ApproveCommissionDocument = graphql(`
  mutation ApproveCommission($commissionId: ID!) {
    approveCommission(commissionId: $commissionId) { ...CommissionResultFields }
  }
`);

export const CancelCommissionDocument = graphql(`
  mutation CancelCommission($commissionId: ID!, $reason: String!) {
    cancelCommission(commissionId: $commissionId, reason: $reason) { ...CommissionResultFields }
  }
`);

/** What each affiliate is owed, per currency, where it reaches the minimum payout. */
export const AffiliatePayoutsDueDocument = graphql(`
  query AffiliatePayoutsDue {
    affiliatePayoutsDue { affiliate { id name email } currency amount commissionCount }
  }
`);

export const AffiliatePayoutHistoryDocument = graphql(`
  query AffiliatePayoutHistory($first: Int, $after: String) {
    affiliatePayouts(first: $first, after: $after) {
      edges { cursor node { id affiliate { id name } currency amount reference paidAt commissionCount } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const RecordAffiliatePayoutDocument = graphql(`
  mutation RecordAffiliatePayout($affiliateId: ID!, $currency: String!, $reference: String!) {
    recordAffiliatePayout(affiliateId: $affiliateId, currency: $currency, reference: $reference) {
      __typename
      ... on AffiliatePayoutSuccess { payout { id amount currency reference } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const AffiliatePayoutsCsvDocument = graphql(`
  query AffiliatePayoutsCsv($from: DateTimeISO, $to: DateTimeISO) {
    affiliatePayoutsCsv(from: $from, to: $to)
  }
`);
