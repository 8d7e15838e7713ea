import type { PortalSection } from "../gql/graphql";

interface SectionInfo {
  title: string;
  /** How the empty-state sentence and the card's link name what the section holds. */
  noun: string;
  path: string;
  /** Only some clients have it (affiliates): it is left out of the empty-state sentence. */
  someClientsOnly?: boolean;
}

/**
 * The portal sections that exist, in the order they are shown: the one list the settings page,
 * the dashboard, the navigation and the empty-state sentence offer sections from. Identity keeps a
 * flag for every section it knows, planned ones included; a section is offered from the day it
 * is added here, together with its pages.
 */
export const SECTION_INFO = {
  INVOICES: { title: "Invoices", noun: "invoices", path: "/invoices" },
  DOCUMENTS: { title: "Documents", noun: "documents", path: "/documents" },
  COURSES: { title: "Courses", noun: "courses", path: "/courses" },
  COMMUNITIES: { title: "Communities", noun: "community groups", path: "/communities" },
  APPOINTMENTS: { title: "Appointments", noun: "appointments", path: "/appointments" },
  AFFILIATES: { title: "Affiliates", noun: "referral earnings", path: "/affiliates", someClientsOnly: true },
} as const satisfies Partial<Record<PortalSection, SectionInfo>>;

export type ExistingSection = keyof typeof SECTION_INFO;

export const EXISTING_SECTIONS = Object.keys(SECTION_INFO) as ExistingSection[];

export function isExistingSection(section: PortalSection): section is ExistingSection {
  return Object.hasOwn(SECTION_INFO, section);
}

/** The sections switched on in these settings that exist, in the order of EXISTING_SECTIONS. */
export function enabledSections(settings: { section: PortalSection; enabled: boolean }[] | null | undefined): ExistingSection[] {
  const on = new Set((settings ?? []).filter((s) => s.enabled).map((s) => s.section));
  return EXISTING_SECTIONS.filter((section) => on.has(section));
}

export interface SectionCardData {
  section: ExistingSection;
  /** Short lines for the card, e.g. "2 outstanding invoices", "Total due: $120.00". */
  summary: string[];
  /** Its summary could not be loaded this time: the card offers a retry instead. */
  unavailable?: boolean;
}

/** What each section contributes to the dashboard; null or absent means nothing for this client. */
export type SectionContent = Partial<Record<ExistingSection, string[] | null>>;

/**
 * Sections that are switched on and have something for this client. Each section's subgraph
 * contributes its own dashboard summary as it is built; a section whose summary failed to load is
 * kept, marked unavailable, since it may well have something.
 */
export function sectionsWithContent(
  enabled: ExistingSection[],
  content: SectionContent = {},
  unavailable: ExistingSection[] = [],
): SectionCardData[] {
  return enabled.flatMap((section) => {
    if (unavailable.includes(section)) return [{ section, summary: [], unavailable: true }];
    const summary = content[section];
    return summary ? [{ section, summary }] : [];
  });
}

/** "invoices or documents": the enabled sections, for the empty-state sentence. */
export function describeSections(enabled: ExistingSection[]): string {
  const nouns = enabled
    .filter((section) => !(SECTION_INFO[section] as SectionInfo).someClientsOnly)
    .map((section) => SECTION_INFO[section].noun);
  if (nouns.length === 0) return "updates";
  if (nouns.length === 1) return nouns[0]!;
  return `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}`;
}
