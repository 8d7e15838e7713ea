/** How an affiliate sees a referral: a first name and a masked email, e.g. `Sam (s•••@example.com)`. */
export function maskedLabel(firstName: string, email: string): string {
  const at = email.lastIndexOf("@");
  const masked = at > 0 ? `${email[0]}•••${email.slice(at)}` : "•••";
  const name = firstName.trim() || "Someone";
  return `${name} (${masked})`;
}

/** How staff see a referral: the contact's name and email. */
export function fullLabel(name: string, email: string): string {
  return email ? `${name || email} (${email})` : name;
}
