import { graphql } from "../../gql";

/** What the contacts list shows; mutations and live events select the same so rows update in place. */
export const ContactListItemFragment = graphql(`
  fragment ContactListItem on Contact {
    id
    name
    email
    phone
    dnd
    access { status invitedAt lastLoginAt revokedAt }
  }
`);
