import type { MikroORM } from "@mikro-orm/postgresql";
import { answerIdentitySnapshotRequests, forkFor, type SubgraphDeps, type UnstampedSnapshotPage } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { contactSnapshot } from "../contacts/contact-events.js";
import { Contact } from "../contacts/contact.entity.js";
import { businessSnapshot } from "../shared/snapshots.js";
import type { PortalUrls } from "../shared/portal-urls.js";
import { Staff } from "../staff/staff.entity.js";
import { staffSnapshot } from "../staff/staff-events.js";

const BUSINESSES_PER_READ = 100;
const CONTACTS_PER_PAGE = 500;

/**
 * Answers the other subgraphs' requests for a snapshot of identity's data (kit identity projection):
 * every business, page by page with its contacts, its whole team on its first page. `urls` give each
 * business snapshot its `portalUrl`, as in identity's events.
 */
export function answerSnapshotRequests(deps: SubgraphDeps, urls: () => PortalUrls): Promise<void> {
  return answerIdentitySnapshotRequests(deps, () => snapshotPages(deps.orm, urls()));
}

export async function* snapshotPages(orm: MikroORM, urls: PortalUrls): AsyncGenerator<UnstampedSnapshotPage> {
  // Every business, on purpose: this answers for the installation, outside any request.
  const platform = forkFor(orm, null);
  let lastBusinessId: string | null = null;
  for (;;) {
    const businesses: Business[] = await platform.find(Business, lastBusinessId ? { id: { $gt: lastBusinessId } } : {}, {
      orderBy: { id: "asc" },
      limit: BUSINESSES_PER_READ,
    });
    for (const business of businesses) yield* businessPages(orm, business, urls);
    if (businesses.length < BUSINESSES_PER_READ) return;
    lastBusinessId = businesses[businesses.length - 1].id;
    platform.clear();
  }
}

async function* businessPages(orm: MikroORM, business: Business, urls: PortalUrls): AsyncGenerator<UnstampedSnapshotPage> {
  const em = forkFor(orm, business.id);
  const snapshot = businessSnapshot(business, urls);
  let staff: UnstampedSnapshotPage["staff"] = (await em.find(Staff, { businessId: business.id }, { orderBy: { id: "asc" } })).map(
    (member) => staffSnapshot(member),
  );
  let lastContactId: string | null = null;
  for (;;) {
    const contacts: Contact[] = await em.find(
      Contact,
      { businessId: business.id, ...(lastContactId ? { id: { $gt: lastContactId } } : {}) },
      { orderBy: { id: "asc" }, limit: CONTACTS_PER_PAGE },
    );
    yield { business: snapshot, contacts: contacts.map(contactSnapshot), staff };
    staff = null; // the team goes with the first page only
    if (contacts.length < CONTACTS_PER_PAGE) return;
    lastContactId = contacts[contacts.length - 1].id;
    em.clear();
  }
}
