import { consumeEvents, type SubgraphDeps } from "@portal/kit";
import { IDENTITY_EVENTS, type BusinessUpdated, type ContactChanged } from "./identity-events.js";
import { recordBusinessSnapshot, recordContactSnapshot } from "./profile.service.js";

const CONSUMER = "billing";
const SCHEMA = "billing";

/** Keeps billing's business and contact projections from identity's events, each handled once. */
export async function consumeProfileEvents({ boss, orm }: SubgraphDeps): Promise<void> {
  await consumeEvents<BusinessUpdated>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.businessUpdated, (event, em) =>
    recordBusinessSnapshot(em, event.payload.business, event.occurredAt),
  );
  await consumeEvents<ContactChanged>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.contactChanged, async (event, em) => {
    if (event.businessId) await recordContactSnapshot(em, event.businessId, event.payload.contact, event.occurredAt);
  });
}
