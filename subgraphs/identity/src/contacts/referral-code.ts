import { ValidationError } from "@portal/kit";

const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The referral code a new contact arrived with, trimmed; null when none was given (absent or blank,
 * as a form's empty field sends). Only its shape is checked here: the affiliates section owns the
 * links and decides whether the code is one of the business's.
 */
export function readReferralCode(value: string | null | undefined): string | null | ValidationError {
  const code = value?.trim() ?? "";
  if (!code) return null;
  if (!REFERRAL_CODE.test(code)) {
    return ValidationError.of("referralCode", "Use a referral code of 1 to 64 letters, digits, dashes or underscores");
  }
  return code;
}
