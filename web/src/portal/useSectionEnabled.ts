import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import { enabledSections, type ExistingSection } from "./sections";

export const PortalSectionsDocument = graphql(`
  query PortalSections {
    portal { settings { sections { section enabled } } }
  }
`);

/**
 * Whether the business has switched this section on; undefined until known. Follows the settings
 * live: the portal frame writes each change staff save into Apollo's cache (usePortalSettingsLive).
 */
export function useSectionEnabled(section: ExistingSection): boolean | undefined {
  const { data } = useQuery(PortalSectionsDocument);
  if (!data) return undefined;
  return enabledSections(data.portal.settings?.sections).includes(section);
}
