import { consumeEvents, type SubgraphDeps } from "@portal/kit";
import { IDENTITY_EVENTS, type BusinessUpdated, type ContactChanged, type StaffChanged } from "./identity-events.js";
import { recordBusinessSnapshot, recordContactSnapshot, recordStaffSnapshot } from "./profile.service.js";

export const CONSUMER = "documents";
export const SCHEMA = "documents";

/** Keeps documents' business, contact and staff projections from identity's events, each handled once. */
export async function consumeProfileEvents({ boss, orm }: SubgraphDeps): Promise<void> {
  await consumeEvents<BusinessUpdated>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.businessUpdated, (event, em) =>
    recordBusinessSnapshot(em, event.payload.business, event.occurredAt),
  );
  await consumeEvents<ContactChanged>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.contactChanged, async (event, em) => {
    if (event.businessId) await recordContactSnapshot(em, event.businessId, event.payload.contact, event.occurredAt);
  });
  await consumeEvents<StaffChanged>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.staffChanged, async (event, em) => {
    if (event.businessId) await recordStaffSnapshot(em, event.businessId, event.payload.staff, event.occurredAt);
  });
}
