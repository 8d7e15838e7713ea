import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor } from "@portal/kit";
import { Business } from "./business/business.entity.js";
import { Contact } from "./contacts/contact.entity.js";
import { Staff } from "./staff/staff.entity.js";

/** The people of the demo that `seedDemoData` creates (seed.ts), as the other subgraphs' demo content needs them. */
export const DEMO_BUSINESS_SLUG = "brightside";
export const DEMO_OWNER_EMAIL = "owner@brightside.test";
export const DEMO_CLIENT_EMAIL = "alex@client.test";

export interface DemoParties {
  business: { id: string; name: string };
  owner: { id: string; name: string };
  client: { id: string; name: string; email: string };
}

/**
 * The demo business, its owner and the demo client, or null when any of them is gone (another
 * database, or someone removed them): then there is nobody to create demo content for.
 */
export async function findDemoParties(orm: MikroORM): Promise<DemoParties | null> {
  const business = await forkFor(orm, null).findOne(Business, { slug: DEMO_BUSINESS_SLUG });
  if (!business) return null;
  const tenant = forkFor(orm, business.id);
  const [owner, client] = await Promise.all([
    tenant.findOne(Staff, { email: DEMO_OWNER_EMAIL, role: "owner" }),
    tenant.findOne(Contact, { email: DEMO_CLIENT_EMAIL }),
  ]);
  if (!owner || !client) return null;
  return {
    business: { id: business.id, name: business.displayName || business.name },
    owner: { id: owner.id, name: owner.name },
    client: { id: client.id, name: client.name, email: client.email },
  };
}
