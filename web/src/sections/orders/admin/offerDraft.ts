import type { Problem } from "../../../shared/results";
import { minorToInput, parseMoney } from "../shared/money";

/** An offer as staff edit it: the price as typed, converted to minor units on save. */
export interface OfferDraft {
  name: string;
  description: string;
  /** Major units as typed, e.g. "49.00". */
  price: string;
  currency: string;
  slug: string;
  /** Whether staff typed the slug themselves; until then it follows the name. */
  slugEdited: boolean;
  courseIds: string[];
  groupIds: string[];
}

/** What the API stores for an offer, as far as the editor is concerned (selling or archived is changed apart). */
export interface OfferValue {
  name: string;
  description: string;
  price: number;
  currency: string;
  slug: string;
  courseIds: string[];
  groupIds: string[];
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 80;

/** "Yoga for Beginners – Spring!" → "yoga-for-beginners-spring": the public link's last part. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}

export function newOfferDraft(): OfferDraft {
  return { name: "", description: "", price: "", currency: "USD", slug: "", slugEdited: false, courseIds: [], groupIds: [] };
}

export function draftFromOffer(offer: OfferValue): OfferDraft {
  return {
    name: offer.name,
    description: offer.description,
    price: minorToInput(offer.price, offer.currency),
    currency: offer.currency,
    slug: offer.slug,
    slugEdited: true,
    courseIds: [...offer.courseIds],
    groupIds: [...offer.groupIds],
  };
}

/** The draft after the name changed: the slug follows it until staff edit the slug. */
export function withName(draft: OfferDraft, name: string): OfferDraft {
  return { ...draft, name, slug: draft.slugEdited ? draft.slug : slugify(name) };
}

/** Adds or removes one id from a list of grants. */
export function toggleId(ids: string[], id: string, on: boolean): string[] {
  if (on) return ids.includes(id) ? ids : [...ids, id];
  return ids.filter((current) => current !== id);
}

/**
 * The API input, or the first field that cannot be saved, named like the server's
 * ValidationError fields so both show beside the same input.
 */
export function offerDraftToValue(draft: OfferDraft): { value: OfferValue } | { problem: Problem } {
  const fail = (field: string, message: string) => ({ problem: { kind: "ValidationError", field, message } });
  const currency = draft.currency.trim().toUpperCase();
  if (!draft.name.trim()) return fail("name", "Give the offer a name");
  if (!/^[A-Z]{3}$/.test(currency)) return fail("currency", "Enter a three-letter currency code, e.g. USD");
  const price = parseMoney(draft.price, currency);
  if (price === null || price <= 0) return fail("price", "Enter a price above zero, e.g. 49.00");
  const slug = draft.slug.trim();
  if (!SLUG_PATTERN.test(slug) || slug.length > SLUG_MAX)
    return fail("slug", "Use lowercase letters, digits and single hyphens, e.g. yoga-course");
  if (draft.courseIds.length === 0 && draft.groupIds.length === 0)
    return fail("grants", "Choose at least one course or community group the buyer gets");
  return {
    value: {
      name: draft.name.trim(),
      description: draft.description.trim(),
      price,
      currency,
      slug,
      courseIds: draft.courseIds,
      groupIds: draft.groupIds,
    },
  };
}
