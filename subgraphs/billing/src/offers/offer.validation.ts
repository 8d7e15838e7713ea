import { ValidationError } from "@portal/kit";
import { MAX_AMOUNT } from "../invoices/invoice.validation.js";
import { isUuid } from "../shared/ids.js";

/** What staff send for a new offer or an edit; `price` in integer minor units of `currency`. */
export interface OfferFields {
  name: string;
  description?: string | null;
  price: number;
  currency: string;
  slug: string;
  courseIds?: readonly string[] | null;
  groupIds?: readonly string[] | null;
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const MAX_GRANTS = 50;

/** Stripe's smallest charge is about half a dollar; anything lower would fail at payment, not here. */
const MIN_PRICE = 50;

/** The first problem, naming its field (`courseIds.1`), or null. */
export function validateOffer(input: OfferFields): ValidationError | null {
  const name = input.name.trim();
  if (!name) return ValidationError.of("name", "Name the offer");
  if (name.length > 200) return ValidationError.of("name", "At most 200 characters");
  if ((input.description ?? "").length > 20_000) return ValidationError.of("description", "At most 20,000 characters");
  if (!Number.isInteger(input.price) || input.price < MIN_PRICE || input.price > MAX_AMOUNT)
    return ValidationError.of("price", "Price must be a whole number of minor units (cents), at least 50");
  if (!CURRENCIES.has(input.currency.trim().toUpperCase()))
    return ValidationError.of("currency", "Use a three-letter ISO 4217 currency code, e.g. USD");
  if (!SLUG.test(input.slug.trim()))
    return ValidationError.of("slug", "Use 1 to 80 lower-case letters, digits and dashes, not starting or ending with a dash");
  return checkIds("courseIds", input.courseIds ?? []) ?? checkIds("groupIds", input.groupIds ?? []);
}

function checkIds(field: "courseIds" | "groupIds", ids: readonly string[]): ValidationError | null {
  if (ids.length > MAX_GRANTS) return ValidationError.of(field, `At most ${MAX_GRANTS}`);
  const bad = ids.findIndex((id) => !isUuid(id));
  return bad >= 0 ? ValidationError.of(`${field}.${bad}`, field === "courseIds" ? "No such course" : "No such group") : null;
}
