import { sql, type EntityManager } from "@portal/kit";
import type { BusinessSnapshot } from "../events/identity-events.js";
import { BusinessProfile } from "./business-profile.entity.js";

/** What an email needs to look like the business's own. */
export interface EmailBranding {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string;
}

const NEUTRAL_BRANDING: EmailBranding = { name: "Your business", logoUrl: null, primaryColor: "#4f46e5", accentColor: "#0ea5e9", portalUrl: "http://localhost" };

export function brandingOf(business: Pick<BusinessSnapshot, "name" | "displayName" | "logoUrl" | "primaryColor" | "accentColor" | "portalUrl"> | null): EmailBranding {
  if (!business) return NEUTRAL_BRANDING;
  return {
    name: business.displayName || business.name,
    logoUrl: business.logoUrl || null,
    primaryColor: safeColor(business.primaryColor, NEUTRAL_BRANDING.primaryColor),
    accentColor: safeColor(business.accentColor, NEUTRAL_BRANDING.accentColor),
    portalUrl: business.portalUrl || NEUTRAL_BRANDING.portalUrl,
  };
}

/** Platform operators' own emails belong to no business: they carry the platform's sending name. */
export function platformBranding(fromAddress: string): EmailBranding {
  const name = fromAddress.includes("<") ? fromAddress.slice(0, fromAddress.indexOf("<")).trim().replace(/^"|"$/g, "") : "";
  return { ...NEUTRAL_BRANDING, name: name || "Client Portal" };
}

/** Colours end up inside style attributes, so only plain hex colours are let through. */
function safeColor(value: string | null | undefined, fallback: string): string {
  return value && /^#[0-9a-fA-F]{3,8}$/.test(value) ? value : fallback;
}

/** Upserts the projection; a snapshot older than the stored one is ignored (events may arrive out of order). */
export async function recordBusinessSnapshot(em: EntityManager, business: BusinessSnapshot, occurredAt: string): Promise<void> {
  await sql(
    em,
    `insert into "automation"."business_profile"
       (business_id, slug, name, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (business_id) do update set
       slug = excluded.slug, name = excluded.name, display_name = excluded.display_name, logo_url = excluded.logo_url,
       primary_color = excluded.primary_color, accent_color = excluded.accent_color, portal_url = excluded.portal_url,
       updated_at = excluded.updated_at
     where "business_profile".updated_at <= excluded.updated_at`,
    [business.id, business.slug, business.name, business.displayName, business.logoUrl, business.primaryColor, business.accentColor, business.portalUrl, occurredAt],
  );
}

/** Branding of the request's business (the EntityManager is scoped to it). */
export async function currentBranding(em: EntityManager, businessId: string): Promise<EmailBranding> {
  const profile = await em.findOne(BusinessProfile, { businessId });
  return brandingOf(profile);
}
