import { NotificationTemplateKey } from "./template-key.js";
import type { Placeholder } from "./template-syntax.js";

const PERSON_AND_BUSINESS: Placeholder[] = ["contact.name", "contact.firstName", "business.name", "link"];
const ONE_TIME_LINK: Placeholder[] = [...PERSON_AND_BUSINESS, "expiresInMinutes"];
const SIGNATURE: Placeholder[] = [...PERSON_AND_BUSINESS, "document.title", "document.message", "sender.name"];

/** Which placeholders each email may use: only values its event actually provides. */
export const PLACEHOLDERS_BY_KEY: Record<NotificationTemplateKey, readonly Placeholder[]> = {
  [NotificationTemplateKey.INVITATION]: ONE_TIME_LINK,
  [NotificationTemplateKey.SIGN_IN]: ONE_TIME_LINK,
  [NotificationTemplateKey.EMAIL_CHANGE]: ONE_TIME_LINK,
  [NotificationTemplateKey.NEW_INVOICE]: [...PERSON_AND_BUSINESS, "invoice.number", "invoice.amountDue", "invoice.total", "invoice.dueDate"],
  [NotificationTemplateKey.RECEIPT]: [...PERSON_AND_BUSINESS, "invoice.number", "payment.amount", "payment.date", "payment.method"],
  [NotificationTemplateKey.SIGNATURE_REQUEST]: SIGNATURE,
  [NotificationTemplateKey.SIGNATURE_REMINDER]: SIGNATURE,
  [NotificationTemplateKey.DOCUMENT_COMPLETED]: [...PERSON_AND_BUSINESS, "document.title"],
  [NotificationTemplateKey.DOCUMENT_DECLINED]: [...PERSON_AND_BUSINESS, "document.title", "decliner.name", "decline.reason"],
};

/** What the button says when `{{link}}` stands alone in a paragraph. */
export const BUTTON_LABELS: Record<NotificationTemplateKey, string> = {
  [NotificationTemplateKey.INVITATION]: "Open your portal",
  [NotificationTemplateKey.SIGN_IN]: "Sign in",
  [NotificationTemplateKey.EMAIL_CHANGE]: "Confirm email address",
  [NotificationTemplateKey.NEW_INVOICE]: "View and pay invoice",
  [NotificationTemplateKey.RECEIPT]: "View invoice",
  [NotificationTemplateKey.SIGNATURE_REQUEST]: "Review and sign",
  [NotificationTemplateKey.SIGNATURE_REMINDER]: "Review and sign",
  [NotificationTemplateKey.DOCUMENT_COMPLETED]: "View signed document",
  [NotificationTemplateKey.DOCUMENT_DECLINED]: "View document",
};
