import { graphql } from "../../gql";

/** What the team list shows; mutations select the same so rows update in place. */
export const TeamMemberFragment = graphql(`
  fragment TeamMember on Staff {
    id
    name
    email
    role
    createdAt
  }
`);

export const ROLE_LABELS = { OWNER: "Owner", STAFF: "Staff" } as const;
