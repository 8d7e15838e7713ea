/**
 * Payloads of the identity events documents keeps projections of (docs/architecture.md). Declared
 * here rather than imported: subgraphs share contracts, not code.
 */
export const IDENTITY_EVENTS = {
  businessUpdated: "identity.business.updated",
  contactChanged: "identity.contact.changed",
  staffChanged: "identity.staff.changed",
} as const;

export interface BusinessUpdated {
  business: { id: string; name: string; displayName: string; portalUrl: string };
}

export interface ContactChanged {
  contact: { id: string; name: string; firstName?: string; email: string; dnd?: boolean };
}

export interface StaffChanged {
  staff: { id: string; name: string; email: string; role: string; removed: boolean };
}
