import { ValidationError } from "@portal/kit";
import { z } from "zod";

/**
 * Input checks shared by services. Each returns a ValidationError naming the field, or null, so a
 * service can return the first failure as data.
 */
const emailShape = z.string().email();

export function normalizeEmail(value: string): string {
  return value.trim();
}

export function checkEmail(field: string, value: string): ValidationError | null {
  const email = value.trim();
  if (!email) return ValidationError.of(field, "Email is required");
  if (email.length > 254 || !emailShape.safeParse(email).success) return ValidationError.of(field, "Enter a valid email address");
  return null;
}

export function checkRequiredText(field: string, label: string, value: string, max = 200): ValidationError | null {
  if (!value.trim()) return ValidationError.of(field, `${label} is required`);
  if (value.trim().length > max) return ValidationError.of(field, `${label} must be at most ${max} characters`);
  return null;
}

export function checkPhone(field: string, value: string | null | undefined): ValidationError | null {
  if (value == null || value.trim() === "") return null;
  if (!/^\+?[0-9 ().-]{5,30}$/.test(value.trim())) return ValidationError.of(field, "Enter a valid phone number");
  return null;
}

export function checkHexColor(field: string, value: string): ValidationError | null {
  return /^#[0-9a-fA-F]{6}$/.test(value) ? null : ValidationError.of(field, "Use a hex colour like #1a73e8");
}

export function checkSlug(field: string, value: string): ValidationError | null {
  return /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/.test(value)
    ? null
    : ValidationError.of(field, "Use 1-48 lowercase letters, digits and dashes, not starting or ending with a dash");
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function checkHostName(field: string, value: string): ValidationError | null {
  const host = value.trim().toLowerCase();
  const labels = host.split(".");
  const valid = host.length <= 253 && labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label));
  return valid ? null : ValidationError.of(field, `"${value}" is not a valid host name (e.g. portal.example.com)`);
}

export function checkLogoUrl(field: string, value: string | null | undefined): ValidationError | null {
  if (value == null || value === "") return null;
  if (value.length > 200_000) return ValidationError.of(field, "Logo is too large");
  if (/^https:\/\/\S+$/.test(value) || /^data:image\/(svg\+xml|png|jpeg|webp);/.test(value)) return null;
  return ValidationError.of(field, "Logo must be an https:// URL or an image data: URI");
}

/** First failure among checks, in field order. */
export function firstError(...checks: (ValidationError | null)[]): ValidationError | null {
  return checks.find((check) => check !== null) ?? null;
}

/** ILIKE pattern matching `search` literally anywhere. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
