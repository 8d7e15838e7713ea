import { useSubscription } from "@apollo/client/react";
import { useResubscribeOnError } from "../shared/useResubscribeOnError";
import { graphql } from "../gql";
import type { PortalSettingsCacheQuery } from "../gql/graphql";

const PortalSettingsChangedDocument = graphql(`
  subscription PortalSettingsChanged {
    portalSettingsChanged { welcomeMessage sections { section enabled } }
  }
`);

/** Where the portal's pages read the settings from (`portal.settings`), for writing them back. */
const PortalSettingsCacheDocument = graphql(`
  query PortalSettingsCache {
    portal { settings { welcomeMessage sections { section enabled } } }
  }
`);

/**
 * Follows the business's portal settings while a client is signed in: each time staff save them,
 * the new settings are written where every portal page reads them, so a section turned off loses
 * its dashboard card and navigation link (and one turned on gains them) without a reload.
 */
export function usePortalSettingsLive(): { live: boolean } {
  const { error, restart } = useSubscription(PortalSettingsChangedDocument, {
    onData: ({ client, data }) => {
      const settings = data.data?.portalSettingsChanged;
      if (!settings) return;
      // Typed as Portal so its merge policy keeps the rest of `portal` (the business's branding).
      const portal = { __typename: "Portal", settings } as PortalSettingsCacheQuery["portal"];
      client.cache.writeQuery({ query: PortalSettingsCacheDocument, data: { __typename: "Query", portal } });
    },
  });
  useResubscribeOnError(error, restart);
  return { live: !error };
}
