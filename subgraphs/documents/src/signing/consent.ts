/**
 * The electronic-signature consent. Changing the text needs a new version: signatures record the
 * version (and the text) they were given under.
 */
export const CONSENT = {
  version: "2026-01",
  text:
    "I agree to sign this document electronically. My electronic signature (drawn or typed), my initials and the values I enter " +
    "are the legal equivalent of my handwritten signature and have the same effect. I consent to receive this document and " +
    "related notices electronically, and I can download a copy of the signed document at any time. The date, time, my IP " +
    "address and my browser are recorded with my signature.",
} as const;
