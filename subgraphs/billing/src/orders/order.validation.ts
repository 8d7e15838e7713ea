import { ValidationError } from "@portal/kit";
import { z } from "zod";

/** What a buyer types on the order page. */
export interface BuyerFields {
  slug: string;
  name: string;
  email: string;
  referralCode?: string | null;
}

const emailShape = z.string().email();
// The same shape identity accepts with a new contact, so the code travels on to the referral.
const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** The first problem, naming its field, or null; identity creates the contact from the same values. */
export function validateBuyer(input: BuyerFields): ValidationError | null {
  const name = input.name.trim();
  if (!name) return ValidationError.of("name", "Name is required");
  if (name.length > 200) return ValidationError.of("name", "Name must be at most 200 characters");
  const email = input.email.trim();
  if (!email) return ValidationError.of("email", "Email is required");
  if (email.length > 254 || !emailShape.safeParse(email).success) return ValidationError.of("email", "Enter a valid email address");
  return null;
}

/**
 * The referral code as given, trimmed; null when absent, blank or not a code's shape: a mangled
 * `?ref=` must not stop someone from buying, it only credits no one.
 */
export function referralCodeOf(value: string | null | undefined): string | null {
  const code = value?.trim() ?? "";
  return REFERRAL_CODE.test(code) ? code : null;
}
