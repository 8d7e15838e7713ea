import type { BusinessSnapshot } from "@portal/contracts";
import { KnownBusiness, type EntityManager } from "@portal/kit";

/** What an email needs to look like the business's own. */
export interface EmailBranding {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string;
}

const NEUTRAL_BRANDING: EmailBranding = {
  name: "Your business",
  logoUrl: null,
  primaryColor: "#4f46e5",
  accentColor: "#0ea5e9",
  portalUrl: "http://localhost",
};

export function brandingOf(
  business: Pick<BusinessSnapshot, "name" | "displayName" | "logoUrl" | "primaryColor" | "accentColor" | "portalUrl"> | null,
): EmailBranding {
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

/** Branding of the request's business (the EntityManager is scoped to it), as automation's copy of identity's data has it. */
export async function currentBranding(em: EntityManager, businessId: string): Promise<EmailBranding> {
  return brandingOf(await em.findOne(KnownBusiness, { businessId }));
}
