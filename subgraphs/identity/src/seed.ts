import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor } from "@portal/kit";
import { recordContactSignIn } from "./auth/sign-in.service.js";
import { Business, PORTAL_SECTIONS } from "./business/business.entity.js";
import { createBusiness, updateBranding, updatePortalSettings } from "./business/business.service.js";
import { sendInvitation } from "./contacts/access.service.js";
import { Contact } from "./contacts/contact.entity.js";
import { createContact } from "./contacts/contact.service.js";
import { DEVELOPMENT_PORTAL_URLS, type PortalUrls } from "./shared/portal-urls.js";
import { ensureOperators } from "./staff/operator.service.js";
import { addStaff } from "./staff/staff.service.js";

export interface DemoSeedOptions {
  operatorEmail: string;
  /** PORTAL_SECRET: the demo invitations carry sealed links like real ones. */
  portalSecret: string;
  /**
   * Where demo links point: the same PORTAL_URL_TEMPLATE / PLATFORM_URL identity runs with, so the
   * demo invitations open the demo portal (`http://brightside.localhost:4000` by default).
   */
  portalUrls?: PortalUrls;
}

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#6d28d9"/><circle cx="32" cy="32" r="13" fill="#fbbf24"/><path d="M32 6v8M32 50v8M6 32h8M50 32h8" stroke="#fbbf24" stroke-width="4" stroke-linecap="round"/></svg>`;
const LOGO_URL = `data:image/svg+xml;utf8,${encodeURIComponent(LOGO_SVG)}`;

const DEMO_CONTACTS = [
  { name: "Alex Rivera", email: "alex@client.test", phone: "+1 555 0100", access: "active" },
  { name: "Ivy Chen", email: "ivy@client.test", phone: null, access: "invited" },
  { name: "Noah Patel", email: "noah@client.test", phone: "+1 555 0102", access: "none" },
  { name: "Dana Quiet", email: "dana@client.test", phone: null, access: "invited", dnd: true },
] as const;

/**
 * Creates the demo business on an empty database, through the same services as the API so that
 * every event (business updated, invitations, activation) is recorded. Returns false when any
 * business already exists.
 */
export async function seedDemoData(orm: MikroORM, options: DemoSeedOptions): Promise<boolean> {
  // Without the platform secret the demo invitations could not be unsealed by the mail sender.
  if (!options.portalSecret) throw new Error("seedDemoData needs portalSecret (the PORTAL_SECRET) to seal the demo invitation links");
  const urls = options.portalUrls ?? DEVELOPMENT_PORTAL_URLS;
  const platform = forkFor(orm, null);
  if (await platform.count(Business, {})) return false;
  await ensureOperators(orm, [options.operatorEmail]);

  const business = await createBusiness(platform, urls, {
    name: "Brightside Studio",
    slug: "brightside",
    ownerName: "Olivia Owner",
    ownerEmail: "owner@brightside.test",
  });
  if (!(business instanceof Business)) throw new Error(`Demo business rejected: ${business.message}`);
  await updateBranding(platform, urls, business.id, {
    displayName: "Brightside Studio",
    logoUrl: LOGO_URL,
    primaryColor: "#6d28d9",
    accentColor: "#f59e0b",
  });
  await updatePortalSettings(platform, urls, business.id, {
    welcomeMessage:
      "Welcome to Brightside Studio! Here you'll find your invoices to pay and the documents to sign, as soon as we share them.",
    sections: PORTAL_SECTIONS.map((section) => ({ section, enabled: true })),
  });

  const tenant = forkFor(orm, business.id);
  await addStaff(tenant, business.id, { name: "Sam Staff", email: "sam@brightside.test", role: "staff" });
  for (const demo of DEMO_CONTACTS) {
    const contact = await createContact(tenant, business.id, {
      name: demo.name,
      email: demo.email,
      phone: demo.phone,
      dnd: "dnd" in demo ? demo.dnd : false,
    });
    if (!(contact instanceof Contact)) throw new Error(`Demo contact rejected: ${contact.message}`);
    if (demo.access === "none") continue;
    await sendInvitation(tenant, { secret: options.portalSecret, urls }, business.id, contact.id);
    // As if Alex had opened the invitation: the same first-sign-in step the confirm mutation runs.
    if (demo.access === "active") await tenant.transactional((tx) => recordContactSignIn(tx, contact));
  }
  return true;
}
