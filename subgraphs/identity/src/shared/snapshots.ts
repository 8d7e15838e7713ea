import type { Business } from "../business/business.entity.js";

/** Event payload shapes from docs/architecture.md: what automation needs to brand and address mail. */
export interface BusinessSnapshot {
  id: string;
  slug: string;
  name: string;
  displayName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string;
}

export interface Recipient {
  email: string;
  name: string;
  firstName: string;
  dnd: boolean;
}

/** The business's own host name when it has one, else the origin the request came in on. */
export function businessSnapshot(business: Business, origin: string): BusinessSnapshot {
  const portalUrl = business.hostNames.length ? `https://${business.hostNames[0]}` : origin;
  const { id, slug, name, displayName, logoUrl, primaryColor, accentColor } = business;
  return { id, slug, name, displayName, logoUrl, primaryColor, accentColor, portalUrl };
}

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

export function recipientOf(person: { email: string; name: string; dnd?: boolean }, email = person.email): Recipient {
  return { email, name: person.name, firstName: firstNameOf(person.name), dnd: person.dnd ?? false };
}
