import { UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { type EntityManager, findPage, KnownBusiness, NotFoundError, type PageArgs, ValidationError } from "@portal/kit";
import { isUuid } from "../shared/ids.js";
import { Offer, type OfferState } from "./offer.entity.js";
import { renderOfferMarkdown } from "./offer-markdown.js";
import { validateOffer, type OfferFields } from "./offer.validation.js";

export interface OfferFilter extends PageArgs {
  status?: OfferState | null;
}

/** Every function here runs on a tenant-scoped EntityManager: the filter keeps it in one business. */
export function findOffer(em: EntityManager, id: string): Promise<Offer | null> {
  return isUuid(id) ? em.findOne(Offer, { id }) : Promise.resolve(null);
}

/** The offer a public page shows: active only (an archived offer's page is gone). */
export function findActiveOfferBySlug(em: EntityManager, slug: string): Promise<Offer | null> {
  return em.findOne(Offer, { slug: slug.trim().toLowerCase(), status: "active" });
}

/** By name. */
export function listOffers(em: EntityManager, filter: OfferFilter) {
  return findPage<Offer>(em, Offer, filter.status ? { status: filter.status } : {}, "name", filter);
}

export async function createOffer(em: EntityManager, businessId: string, input: OfferFields): Promise<Offer | ValidationError> {
  const invalid = validateOffer(input);
  if (invalid) return invalid;
  const offer = Object.assign(new Offer(), { businessId });
  applyFields(offer, input);
  return saveOffer(em, offer);
}

export async function updateOffer(em: EntityManager, id: string, input: OfferFields): Promise<Offer | ValidationError | NotFoundError> {
  const invalid = validateOffer(input);
  if (invalid) return invalid;
  const offer = await findOffer(em, id);
  if (!offer) return NotFoundError.of("No such offer");
  applyFields(offer, input);
  return saveOffer(em, offer);
}

/** Archived offers keep their orders; their page stops selling. Restoring puts the page back. */
export async function setOfferStatus(em: EntityManager, id: string, status: OfferState): Promise<Offer | NotFoundError> {
  const offer = await findOffer(em, id);
  if (!offer) return NotFoundError.of("No such offer");
  offer.status = status;
  await em.flush();
  return offer;
}

/** The business's configured portal address (never a request header); null until billing knows the business. */
export async function portalUrlOf(em: EntityManager, businessId: string): Promise<string | null> {
  const business = await em.findOne(KnownBusiness, { businessId });
  return business?.portalUrl ?? null;
}

/** The offer's public order page, `<portal>/buy/<slug>`. */
export function offerPageUrl(portalUrl: string | null, slug: string): string | null {
  return portalUrl ? new URL(`/buy/${encodeURIComponent(slug)}`, portalUrl).toString() : null;
}

function applyFields(offer: Offer, input: OfferFields): void {
  const description = input.description?.trim() ?? "";
  Object.assign(offer, {
    name: input.name.trim(),
    description,
    descriptionHtml: renderOfferMarkdown(description),
    price: input.price,
    currency: input.currency.trim().toUpperCase(),
    slug: input.slug.trim(),
    courseIds: [...new Set(input.courseIds ?? [])],
    groupIds: [...new Set(input.groupIds ?? [])],
  });
}

/** The unique (business, slug) index is the final word on two offers at one address. */
async function saveOffer(em: EntityManager, offer: Offer): Promise<Offer | ValidationError> {
  try {
    await em.persist(offer).flush();
    return offer;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      return ValidationError.of("slug", `Another offer already uses the address /buy/${offer.slug}`);
    throw error;
  }
}
