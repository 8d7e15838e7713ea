import { graphql } from "../../../gql";

/** An affiliate's commission history, newest first, a page at a time; one status or all. */
export const AffiliateCommissionsDocument = graphql(`
  query AffiliateCommissions($affiliateId: ID!, $status: CommissionStatus, $first: Int, $after: String) {
    affiliate(id: $affiliateId) {
      id
      commissions(status: $status, first: $first, after: $after) {
        edges { cursor node { ...CommissionFields } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** A new campaign link: the affiliate's own (clients) or one staff make for an affiliate. */
export const CreateReferralLinkDocument = graphql(`
  mutation CreateReferralLink($input: CreateReferralLinkInput!) {
    createReferralLink(input: $input) { ...ReferralLinkResultFields }
  }
`);

/** The contacts an affiliate referred, newest first (masked for the affiliate, with the contact for staff). */
export const AffiliateReferralsDocument = graphql(`
  query AffiliateReferrals($id: ID!, $first: Int, $after: String) {
    affiliate(id: $id) {
      id
      referrals(first: $first, after: $after) {
        edges { cursor node { id label contactId linkCode referredAt converted } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);
