import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import type { PortalSection } from "../gql/graphql";

const PortalSectionsDocument = graphql(`
  query PortalSections {
    portal { settings { sections { section enabled } } }
  }
`);

/** Whether the business has switched this section on; undefined until known. */
export function useSectionEnabled(section: PortalSection): boolean | undefined {
  const { data } = useQuery(PortalSectionsDocument);
  if (!data) return undefined;
  return data.portal.settings?.sections.some((s) => s.section === section && s.enabled) ?? false;
}
