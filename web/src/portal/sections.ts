import type { PortalSection } from "../gql/graphql";

/** How each portal section is named and described on the dashboard. */
export const SECTION_INFO: Record<PortalSection, { title: string; noun: string; path: string }> = {
  INVOICES: { title: "Invoices", noun: "invoices", path: "/invoices" },
  DOCUMENTS: { title: "Documents", noun: "documents", path: "/documents" },
  COURSES: { title: "Courses", noun: "courses", path: "/courses" },
  COMMUNITIES: { title: "Communities", noun: "communities", path: "/communities" },
  APPOINTMENTS: { title: "Appointments", noun: "appointments", path: "/appointments" },
  AFFILIATES: { title: "Affiliates", noun: "referrals", path: "/affiliates" },
};

export interface SectionCardData {
  section: PortalSection;
  /** Short lines for the card, e.g. "2 outstanding invoices", "Total due: $120.00". */
  summary: string[];
}

/** What each section contributes to the dashboard; null or absent means nothing for this client. */
export type SectionContent = Partial<Record<PortalSection, string[] | null>>;

/**
 * Sections that are switched on and have something for this client, in the order of the
 * settings. Each section's subgraph contributes its own dashboard summary as it is built.
 */
export function sectionsWithContent(enabled: PortalSection[], content: SectionContent = {}): SectionCardData[] {
  return enabled.flatMap((section) => {
    const summary = content[section];
    return summary ? [{ section, summary }] : [];
  });
}

/** "invoices, documents or courses": the enabled sections, for the empty-state sentence. */
export function describeSections(enabled: PortalSection[]): string {
  const nouns = enabled.map((section) => SECTION_INFO[section].noun);
  if (nouns.length === 0) return "updates";
  if (nouns.length === 1) return nouns[0]!;
  return `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}`;
}
