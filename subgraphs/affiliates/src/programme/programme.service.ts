import { type EntityManager, KnownBusiness, ValidationError } from "@portal/kit";
import { allowedLandingUrl, parseWebUrl } from "./landing-urls.js";
import { defaultProgramme, ProgrammeRow } from "./programme.entity.js";

/** The business's programme, or its defaults when staff never changed it (nothing is written by reading). */
export async function programmeOf(em: EntityManager, businessId: string): Promise<ProgrammeRow> {
  return (await em.findOne(ProgrammeRow, { businessId })) ?? defaultProgramme(businessId);
}

/** Where links may point: the programme's sites and the business's portal. */
export async function landingBases(em: EntityManager, programme: ProgrammeRow): Promise<string[]> {
  const business = await em.findOne(KnownBusiness, { businessId: programme.businessId });
  return business ? [...programme.allowedLandingUrls, business.portalUrl] : [...programme.allowedLandingUrls];
}

export { allowedLandingUrl };

export interface ProgrammeChanges {
  enabled?: boolean | null;
  commissionType?: "PERCENTAGE" | "FIXED" | null;
  commissionBasisPoints?: number | null;
  fixedAmount?: number | null;
  fixedCurrency?: string | null;
  recurringMonths?: number | null;
  attributionWindowDays?: number | null;
  holdDays?: number | null;
  minimumPayout?: number | null;
  allowedLandingUrls?: string[] | null;
}

const between = (field: string, value: number | null | undefined, min: number, max: number) =>
  value != null && (!Number.isInteger(value) || value < min || value > max)
    ? ValidationError.of(field, `Must be between ${min} and ${max}.`)
    : null;

/** Checks and applies staff's changes; the row is made on the first change. */
export async function updateProgramme(
  em: EntityManager,
  businessId: string,
  input: ProgrammeChanges,
): Promise<ProgrammeRow | ValidationError> {
  const failure =
    between("commissionBasisPoints", input.commissionBasisPoints, 0, 10000) ??
    between("fixedAmount", input.fixedAmount, 0, 100_000_000) ??
    between("recurringMonths", input.recurringMonths, 0, 120) ??
    between("attributionWindowDays", input.attributionWindowDays, 1, 365) ??
    between("holdDays", input.holdDays, 0, 365) ??
    between("minimumPayout", input.minimumPayout, 0, 100_000_000);
  if (failure) return failure;
  if (input.fixedCurrency != null && !/^[A-Za-z]{3}$/.test(input.fixedCurrency))
    return ValidationError.of("fixedCurrency", "Use a three-letter currency code, e.g. USD.");
  let urls: string[] | null = null;
  if (input.allowedLandingUrls != null) {
    if (input.allowedLandingUrls.length > 20) return ValidationError.of("allowedLandingUrls", "At most 20 sites.");
    urls = [];
    for (const [index, text] of input.allowedLandingUrls.entries()) {
      const url = parseWebUrl(text);
      if (typeof url === "string") return ValidationError.of(`allowedLandingUrls.${index}`, url);
      if (!urls.includes(url.href)) urls.push(url.href);
    }
  }
  let row = await em.findOne(ProgrammeRow, { businessId });
  if (!row) {
    row = defaultProgramme(businessId);
    em.persist(row);
  }
  if (input.enabled != null) row.enabled = input.enabled;
  if (input.commissionType != null) row.commissionType = input.commissionType;
  if (input.commissionBasisPoints != null) row.commissionBasisPoints = input.commissionBasisPoints;
  if (input.fixedAmount != null) row.fixedAmount = input.fixedAmount;
  if (input.fixedCurrency != null) row.fixedCurrency = input.fixedCurrency.toUpperCase();
  if (input.recurringMonths !== undefined) row.recurringMonths = input.recurringMonths ? input.recurringMonths : null;
  if (input.attributionWindowDays != null) row.attributionWindowDays = input.attributionWindowDays;
  if (input.holdDays != null) row.holdDays = input.holdDays;
  if (input.minimumPayout != null) row.minimumPayout = input.minimumPayout;
  if (urls) row.allowedLandingUrls = urls;
  row.updatedAt = new Date();
  await em.flush();
  return row;
}

/** Whether `landing` may be used by a link of this business now. */
export async function checkLandingUrl(em: EntityManager, programme: ProgrammeRow, landing: string): Promise<string | ValidationError> {
  const checked = allowedLandingUrl(landing, await landingBases(em, programme));
  return typeof checked === "string" ? checked : ValidationError.of("landingUrl", checked.error);
}
