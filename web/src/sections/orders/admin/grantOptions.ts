import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

/** Courses and community groups an offer may grant, from the courses and communities sections' staff lists. */
const OfferGrantOptionsDocument = graphql(`
  query OfferGrantOptions {
    courses(first: 100) { edges { node { id title status } } }
    communityGroups(first: 100) { edges { node { id name archived } } }
  }
`);

export interface GrantOption {
  id: string;
  label: string;
}

/**
 * The courses and groups staff choose from. Either section may be unavailable: its list is
 * then empty and `failed` says so, while the rest of the editor keeps working.
 */
export function useGrantOptions() {
  const { data, loading, error } = useQuery(OfferGrantOptionsDocument, { errorPolicy: "all" });
  const courses: GrantOption[] =
    data?.courses?.edges.map(({ node }) => ({ id: node.id, label: node.status === "DRAFT" ? `${node.title} (draft)` : node.title })) ?? [];
  const groups: GrantOption[] =
    data?.communityGroups?.edges.map(({ node }) => ({ id: node.id, label: node.archived ? `${node.name} (archived)` : node.name })) ?? [];
  return { courses, groups, loading, failed: Boolean(error) };
}
