import { graphql } from "../../../gql";

/** The signed-in client's affiliate record with their links and figures; null when they are no affiliate. */
export const MyAffiliateDocument = graphql(`
  query MyAffiliate {
    myAffiliate { ...AffiliateOverviewFields }
  }
`);

/** The programme's terms, which only affiliates (and staff) may read. */
export const AffiliateTermsDocument = graphql(`
  query AffiliateTerms {
    affiliateProgramme { ...AffiliateProgrammeFields }
  }
`);
