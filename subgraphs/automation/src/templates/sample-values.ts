import type { TemplateValues } from "../mail/render-email.js";
import { NotificationTemplateKey } from "./template-key.js";

/** A sample person for previews, so staff see the email as a contact would. */
export const SAMPLE_CONTACT = { name: "Alex Morgan", firstName: "Alex" };

/** Values a preview (and template validation) renders with: realistic, never a real person's. */
export function sampleValuesFor(key: NotificationTemplateKey, link: string): TemplateValues {
  const base: TemplateValues = { contact: SAMPLE_CONTACT, link, expiresInMinutes: 15 };
  if (key === NotificationTemplateKey.NEW_INVOICE) return { ...base, invoice: { number: "1042", amountDue: "$1,250.00", total: "$1,250.00", dueDate: "March 31, 2026" } };
  if (key === NotificationTemplateKey.RECEIPT) return { ...base, invoice: { number: "1042" }, payment: { amount: "$1,250.00", date: "March 14, 2026", method: "Card" } };
  return base;
}
