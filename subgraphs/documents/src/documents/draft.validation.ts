import { ValidationError } from "@portal/kit";
import type { Recipient } from "./recipient.entity.js";

export interface RecipientEntry {
  contactId?: string | null;
  staffId?: string | null;
  role: string;
  order: number;
}

export interface FieldEntry {
  recipientId: string;
  kind: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  label?: string | null;
  required?: boolean | null;
}

const MAX_RECIPIENTS = 50;
const MAX_FIELDS = 500;

/**
 * The first problem with the list, naming its input field (`recipients.1.order`), or null. Whether
 * each person belongs to the business is checked with the draft (`findRefs` in draft.service.ts).
 */
export function validateRecipients(entries: RecipientEntry[]): ValidationError | null {
  if (entries.length > MAX_RECIPIENTS) return ValidationError.of("recipients", `At most ${MAX_RECIPIENTS} recipients`);
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const at = `recipients.${index}`;
    if (Boolean(entry.contactId) === Boolean(entry.staffId))
      return ValidationError.of(`${at}.contactId`, "Choose a contact or a staff member");
    const id = (entry.contactId ?? entry.staffId)!;
    if (seen.has(id))
      return ValidationError.of(entry.contactId ? `${at}.contactId` : `${at}.staffId`, "This person is already a recipient");
    seen.add(id);
    if (!Number.isInteger(entry.order) || entry.order < 1 || entry.order > MAX_RECIPIENTS)
      return ValidationError.of(`${at}.order`, `Order must be a whole number from 1 to ${MAX_RECIPIENTS}`);
  }
  return null;
}

const fraction = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;

/** The first problem with the fields (`fields.2.page`), or null. */
export function validateFields(entries: FieldEntry[], recipients: Recipient[], pageCount: number): ValidationError | null {
  if (entries.length > MAX_FIELDS) return ValidationError.of("fields", `At most ${MAX_FIELDS} fields`);
  for (const [index, field] of entries.entries()) {
    const at = `fields.${index}`;
    const recipient = recipients.find((r) => r.id === field.recipientId);
    if (!recipient) return ValidationError.of(`${at}.recipientId`, "Not a recipient of this document");
    if (recipient.role !== "signer")
      return ValidationError.of(`${at}.recipientId`, "Only signers have fields; approvers and copies have none");
    if (pageCount === 0) return ValidationError.of(`${at}.page`, "Upload the PDF before placing fields");
    if (!Number.isInteger(field.page) || field.page < 1 || field.page > pageCount)
      return ValidationError.of(`${at}.page`, `The PDF has pages 1 to ${pageCount}`);
    if (!fraction(field.x)) return ValidationError.of(`${at}.x`, "x must be between 0 and 1");
    if (!fraction(field.y)) return ValidationError.of(`${at}.y`, "y must be between 0 and 1");
    if (!fraction(field.width) || field.width === 0 || field.x + field.width > 1 + 1e-9)
      return ValidationError.of(`${at}.width`, "The field must have a width and stay on the page");
    if (!fraction(field.height) || field.height === 0 || field.y + field.height > 1 + 1e-9)
      return ValidationError.of(`${at}.height`, "The field must have a height and stay on the page");
    if ((field.label ?? "").trim().length > 100) return ValidationError.of(`${at}.label`, "At most 100 characters");
  }
  return null;
}
