import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

/** Courses and community groups an action may name, from the courses and communities sections' staff lists. */
const WorkflowPickerOptionsDocument = graphql(`
  query WorkflowPickerOptions {
    courses(first: 100) { edges { node { id title status } } }
    communityGroups(first: 100) { edges { node { id name archived } } }
  }
`);

export interface PickerOption {
  id: string;
  label: string;
}

/**
 * The options for the course and group pickers. Either section may be unavailable: its list is
 * then empty and `failed` says so, while the rest of the builder keeps working.
 */
export function usePickerOptions() {
  const { data, loading, error } = useQuery(WorkflowPickerOptionsDocument, { errorPolicy: "all" });
  const courses: PickerOption[] =
    data?.courses?.edges.map(({ node }) => ({ id: node.id, label: node.status === "DRAFT" ? `${node.title} (draft)` : node.title })) ?? [];
  const groups: PickerOption[] =
    data?.communityGroups?.edges.map(({ node }) => ({ id: node.id, label: node.archived ? `${node.name} (archived)` : node.name })) ?? [];
  return { courses, groups, loading, failed: Boolean(error) };
}
