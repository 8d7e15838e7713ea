/**
 * Payloads of the identity events this subgraph consumes (docs/architecture.md, "Domain events").
 * Declared here rather than imported: subgraphs share contracts, not code.
 */
export const IDENTITY_EVENTS = {
  businessUpdated: "identity.business.updated",
  contactInvited: "identity.contact.invited",
  signInRequested: "identity.sign_in.requested",
  emailChangeRequested: "identity.email_change.requested",
  contactChanged: "identity.contact.changed",
} as const;

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
  /** Do Not Disturb: only contacts have it; staff and operators are always false. */
  dnd: boolean;
}

/** Common shape of every event that asks for a one-time link to be emailed. */
export interface LinkEmailRequested {
  recipient: Recipient;
  business: BusinessSnapshot | null;
  /** `seal(PORTAL_SECRET, url)`: opened only when the email is rendered. */
  sealedLink: string;
  expiresAt: string;
  contactId?: string;
  staffId?: string;
  audience?: "client" | "staff" | "operator";
}

export interface BusinessUpdated {
  business: BusinessSnapshot;
}

/** A contact's current state, published by identity whenever it changes. */
export interface ContactSnapshot {
  id: string;
  name: string;
  firstName: string;
  email: string;
  dnd: boolean;
  accessStatus: string;
}

export interface ContactChanged {
  contact: ContactSnapshot;
}
