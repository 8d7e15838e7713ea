import { ValidationError } from "@portal/kit";

/** Longer than any page address the portal has; a longer `next` is someone's experiment. */
export const NEXT_PATH_MAX_LENGTH = 500;

/**
 * Whether `value` is a path on the same site, safe to send someone to after they sign in: one
 * leading `/` (`//host` and `/\host` are other sites to a browser), no backslash, no control
 * character (browsers drop tabs and newlines, turning `/\t/host` into `//host`), and so no scheme.
 * The web app checks the same rules again before it navigates.
 */
export function isSafeNextPath(value: string): boolean {
  if (value.length === 0 || value.length > NEXT_PATH_MAX_LENGTH) return false;
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  return !/[\\\u0000-\u001f\u007f-\u009f]/.test(value);
}

/**
 * Reads an optional `next` input: absent or blank means none, a safe path is kept as given,
 * anything else is refused naming the field.
 */
export function checkNextPath(field: string, value: string | null | undefined): { next: string | null } | ValidationError {
  if (value == null || value.trim() === "") return { next: null };
  if (!isSafeNextPath(value)) {
    return ValidationError.of(field, `Must be a path on this site starting with a single "/" (at most ${NEXT_PATH_MAX_LENGTH} characters)`);
  }
  return { next: value };
}
