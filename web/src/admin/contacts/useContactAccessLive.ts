import { useSubscription } from "@apollo/client/react";
import { useResubscribeOnError } from "../../shared/useResubscribeOnError";
import { graphql } from "../../gql";

const ContactAccessChangedDocument = graphql(`
  subscription ContactAccessChanged {
    contactAccessChanged {
      change
      contact { ...ContactListItem }
    }
  }
`);

/**
 * Keeps contact rows current without reloading: each event carries the contact with the same
 * fields the list shows, and the normalised cache updates every row that displays it.
 */
export function useContactAccessLive(): { live: boolean } {
  const { error, restart } = useSubscription(ContactAccessChangedDocument);
  useResubscribeOnError(error, restart);
  return { live: !error };
}
