import { UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { identity } from "@portal/contracts";
import { type EntityManager, findPage, NotFoundError, type PageArgs, publish, ValidationError } from "@portal/kit";
import { announcePortalSettings } from "../shared/live-topics.js";
import type { PortalUrls } from "../shared/portal-urls.js";
import { businessSnapshot } from "../shared/snapshots.js";
import {
  checkEmail,
  checkHexColor,
  checkHostName,
  checkLogoUrl,
  checkRequiredText,
  checkSlug,
  containsPattern,
  firstError,
} from "../shared/validation.js";
import { recordStaffChanged } from "../staff/staff-events.js";
import { Staff } from "../staff/staff.entity.js";
import { Business, PORTAL_SECTIONS, type PortalSectionKey, type SectionToggles } from "./business.entity.js";

export interface BrandingChange {
  displayName: string;
  logoUrl?: string | null;
  primaryColor: string;
  accentColor: string;
}

export interface PortalSettingsChange {
  welcomeMessage: string;
  sections: { section: string; enabled: boolean }[];
}

export interface NewBusiness {
  name: string;
  slug: string;
  ownerName: string;
  ownerEmail: string;
}

const DEFAULT_BRANDING = { primaryColor: "#2563eb", accentColor: "#f59e0b" };
const ALL_SECTIONS_ON: SectionToggles = Object.fromEntries(PORTAL_SECTIONS.map((section) => [section, true]));

export function findBusiness(em: EntityManager, id: string): Promise<Business | null> {
  return em.findOne(Business, { id });
}

export function listBusinesses(em: EntityManager, args: PageArgs & { search?: string | null }) {
  const where = args.search?.trim()
    ? { $or: [{ name: { $ilike: containsPattern(args.search.trim()) } }, { slug: { $ilike: containsPattern(args.search.trim()) } }] }
    : {};
  return findPage(em, Business, where, "name", args);
}

/** Operator: a business with default branding and its owner, in one transaction. */
export async function createBusiness(em: EntityManager, urls: PortalUrls, input: NewBusiness): Promise<Business | ValidationError> {
  const slug = input.slug.trim().toLowerCase();
  const invalid = firstError(
    checkRequiredText("name", "Name", input.name),
    checkSlug("slug", slug),
    checkRequiredText("ownerName", "Owner name", input.ownerName),
    checkEmail("ownerEmail", input.ownerEmail),
  );
  if (invalid) return invalid;
  if (await em.count(Business, { slug })) return ValidationError.of("slug", "This slug is already used by another business");
  const name = input.name.trim();
  const business = Object.assign(new Business(), {
    name,
    slug,
    displayName: name,
    ...DEFAULT_BRANDING,
    welcomeMessage: `Welcome to ${name}'s client portal.`,
    sections: { ...ALL_SECTIONS_ON },
  });
  try {
    await em.transactional(async (tx) => {
      tx.persist(business);
      await tx.flush();
      const owner = Object.assign(new Staff(), {
        businessId: business.id,
        name: input.ownerName.trim(),
        email: input.ownerEmail.trim(),
        role: "owner" as const,
      });
      tx.persist(owner);
      await tx.flush();
      recordStaffChanged(tx, owner);
      recordBusinessUpdated(tx, business, urls);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      return ValidationError.of("slug", "This slug is already used by another business");
    throw error;
  }
  return business;
}

export async function updateBranding(
  em: EntityManager,
  urls: PortalUrls,
  businessId: string,
  input: BrandingChange,
): Promise<Business | ValidationError | NotFoundError> {
  const invalid = firstError(
    checkRequiredText("displayName", "Display name", input.displayName),
    checkLogoUrl("logoUrl", input.logoUrl),
    checkHexColor("primaryColor", input.primaryColor),
    checkHexColor("accentColor", input.accentColor),
  );
  if (invalid) return invalid;
  return changeBusiness(em, urls, businessId, (business) => {
    Object.assign(business, {
      displayName: input.displayName.trim(),
      logoUrl: input.logoUrl || null,
      primaryColor: input.primaryColor.toLowerCase(),
      accentColor: input.accentColor.toLowerCase(),
    });
  });
}

/** Operator: host names are unique across businesses (checked here, enforced by the database). */
export async function updateHostNames(
  em: EntityManager,
  urls: PortalUrls,
  businessId: string,
  hostNames: string[],
): Promise<Business | ValidationError | NotFoundError> {
  const names = [...new Set(hostNames.map((name) => name.trim().toLowerCase()).filter(Boolean))];
  const invalid = firstError(...names.map((name) => checkHostName("hostNames", name)));
  if (invalid) return invalid;
  const taken = () => ValidationError.of("hostNames", "One of these host names already serves another business");
  if (names.length && (await em.count(Business, { hostNames: { $overlap: names }, id: { $ne: businessId } }))) return taken();
  try {
    return await changeBusiness(em, urls, businessId, (business) => {
      business.hostNames = names;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return taken();
    throw error;
  }
}

/**
 * Staff: welcome message and section toggles. Signed-in clients and staff of the business hear of
 * it live (`portalSettingsChanged`) once it commits, so a section turned off leaves open pages.
 */
export async function updatePortalSettings(
  em: EntityManager,
  urls: PortalUrls,
  businessId: string,
  input: PortalSettingsChange,
): Promise<Business | ValidationError | NotFoundError> {
  if (input.welcomeMessage.length > 2000) return ValidationError.of("welcomeMessage", "Welcome message must be at most 2000 characters");
  return changeBusiness(em, urls, businessId, async (business, tx) => {
    const sections = { ...business.sections };
    for (const { section, enabled } of input.sections) sections[section as PortalSectionKey] = enabled;
    business.welcomeMessage = input.welcomeMessage.trim();
    business.sections = sections;
    await announcePortalSettings(tx, business.id);
  });
}

async function changeBusiness(
  em: EntityManager,
  urls: PortalUrls,
  businessId: string,
  change: (business: Business, tx: EntityManager) => void | Promise<void>,
): Promise<Business | NotFoundError> {
  return em.transactional(async (tx) => {
    const business = await tx.findOne(Business, { id: businessId });
    if (!business) return NotFoundError.of("No such business");
    await change(business, tx);
    business.updatedAt = new Date();
    recordBusinessUpdated(tx, business, urls);
    return business;
  });
}

export function recordBusinessUpdated(em: EntityManager, business: Business, urls: PortalUrls): void {
  publish(em, identity.businessUpdated, business.id, { business: businessSnapshot(business, urls) });
}
