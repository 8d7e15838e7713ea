import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { recordBusinessUpdated } from "../business/business.service.js";
import { recordContactChanged } from "../contacts/contact-events.js";
import { Contact } from "../contacts/contact.entity.js";
import type { PortalUrls } from "../shared/portal-urls.js";
import { Staff } from "../staff/staff.entity.js";
import { recordStaffChanged } from "../staff/staff-events.js";

export interface RepublishedSnapshots {
  businesses: number;
  contacts: number;
  staff: number;
}

/**
 * Records today's snapshot of every business, contact and team member again, so a subgraph that
 * started consuming identity's events after they were first published (added to an existing
 * installation, or with a rebuilt projection) learns the current state. Consumers keep the newest
 * snapshot by `occurredAt`, so repeating this is harmless. `urls` are identity's configured portal
 * addresses (PORTAL_URL_TEMPLATE), which give each snapshot its `portalUrl`.
 */
export async function republishSnapshots(
  orm: MikroORM,
  urls: PortalUrls,
  scope: { businessId?: string } = {},
): Promise<RepublishedSnapshots> {
  const counts: RepublishedSnapshots = { businesses: 0, contacts: 0, staff: 0 };
  // Every business (or the one in scope), on purpose: this runs for the installation, outside any request.
  const where = scope.businessId ? { id: scope.businessId } : {};
  const businesses = await forkFor(orm, null).find(Business, where, { orderBy: { createdAt: "asc" } });
  for (const business of businesses) {
    await forkFor(orm, business.id).transactional(async (tx) => {
      recordBusinessUpdated(tx, business, urls);
      for (const contact of await tx.find(Contact, { businessId: business.id })) {
        recordContactChanged(tx, contact);
        counts.contacts++;
      }
      for (const staff of await tx.find(Staff, { businessId: business.id })) {
        recordStaffChanged(tx, staff);
        counts.staff++;
      }
    });
    counts.businesses++;
  }
  return counts;
}
