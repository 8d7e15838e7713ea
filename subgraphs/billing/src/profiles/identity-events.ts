/**
 * Payloads of the identity events billing keeps projections of (docs/architecture.md, "Domain
 * events"). Declared here rather than imported: subgraphs share contracts, not code.
 */
export const IDENTITY_EVENTS = {
  businessUpdated: "identity.business.updated",
  contactChanged: "identity.contact.changed",
} as const;

export interface BusinessSnapshot {
  id: string;
  name: string;
  displayName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string;
}

export interface BusinessUpdated {
  business: BusinessSnapshot;
}

export interface ContactChanged {
  contact: { id: string; name: string; email: string };
}
