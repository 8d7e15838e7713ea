import { identity } from "@portal/contracts";
import { consume, type ConsumerOf, type EventDeps } from "../events.js";
import { saveBusinessSnapshot, saveContactSnapshot, saveStaffSnapshot } from "./snapshot-store.js";

/**
 * Keeps the projection from identity's three snapshot events, each handled once per consumer. A
 * contact or team member event always names its business (identity records it with the tenant).
 */
export async function consumeIdentitySnapshots(deps: EventDeps, consumer: ConsumerOf): Promise<void> {
  await consume(deps, consumer, identity.businessUpdated, (event, em) =>
    saveBusinessSnapshot(em, event.payload.business, event.occurredAt),
  );
  await consume(deps, consumer, identity.contactChanged, async (event, em) => {
    if (event.businessId) await saveContactSnapshot(em, event.businessId, event.payload.contact, event.occurredAt);
  });
  await consume(deps, consumer, identity.staffChanged, async (event, em) => {
    if (event.businessId) await saveStaffSnapshot(em, event.businessId, event.payload.staff, event.occurredAt);
  });
}
