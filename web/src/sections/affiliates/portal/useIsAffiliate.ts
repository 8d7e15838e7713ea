import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const AffiliateMembershipDocument = graphql(`
  query AffiliateMembership {
    viewer { contact { id affiliateSummary { isAffiliate } } }
  }
`);

/**
 * Whether the signed-in client is one of the business's affiliates; undefined until known. The
 * portal's menu offers Affiliates only to them (everyone else would find a page that is not theirs).
 */
export function useIsAffiliate(): boolean | undefined {
  const { data } = useQuery(AffiliateMembershipDocument);
  if (!data) return undefined;
  return data.viewer?.contact?.affiliateSummary?.isAffiliate ?? false;
}
