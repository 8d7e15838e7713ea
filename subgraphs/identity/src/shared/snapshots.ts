import type { BusinessSnapshot, Recipient } from "@portal/contracts";
import type { Business } from "../business/business.entity.js";
import { portalUrlOf, type PortalUrls } from "./portal-urls.js";

/** The shapes are the contracts' (`@portal/contracts`): what other subgraphs need to brand and address mail. */
export type { BusinessSnapshot, Recipient };

/** `portalUrl` comes from the business's configuration only (`portalUrlOf`), never from a request. */
export function businessSnapshot(business: Business, urls: PortalUrls): BusinessSnapshot {
  const { id, slug, name, displayName, logoUrl, primaryColor, accentColor } = business;
  return { id, slug, name, displayName, logoUrl, primaryColor, accentColor, portalUrl: portalUrlOf(business, urls) };
}

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

export function recipientOf(person: { email: string; name: string; dnd?: boolean }, email = person.email): Recipient {
  return { email, name: person.name, firstName: firstNameOf(person.name), dnd: person.dnd ?? false };
}
