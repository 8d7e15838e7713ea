import { NotificationTemplateKey } from "./template-key.js";

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * Built-in wording, used until staff save their own. Bodies are plain text: blank lines separate
 * paragraphs, and a paragraph holding only `{{link}}` becomes the button.
 */
export const DEFAULT_TEMPLATES: Record<NotificationTemplateKey, TemplateText> = {
  [NotificationTemplateKey.INVITATION]: {
    subject: "You're invited to {{business.name}}'s client portal",
    body: [
      "Hi {{contact.firstName}},",
      "{{business.name}} has invited you to their client portal, where you can find everything you share with them in one place.",
      "{{link}}",
      "The button signs you in, no password needed. It works once, within {{expiresInMinutes}} minutes; after that, sign in any time from the portal with your email address.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.SIGN_IN]: {
    subject: "Your sign-in link for {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "Use the button below to sign in to {{business.name}}'s portal.",
      "{{link}}",
      "The link expires in {{expiresInMinutes}} minutes and works once. If you didn't ask to sign in, you can ignore this email.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.EMAIL_CHANGE]: {
    subject: "Confirm your new email address for {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "Please confirm that you want to use this address for {{business.name}}'s portal.",
      "{{link}}",
      "The link expires in {{expiresInMinutes}} minutes. If you didn't ask for this change, you can ignore this email and nothing will change.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.NEW_INVOICE]: {
    subject: "You have a new invoice from {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "{{business.name}} has sent you invoice #{{invoice.number}}.\nAmount due: {{invoice.amountDue}}\nDue date: {{invoice.dueDate}}",
      "{{link}}",
      "You can view the invoice and pay it online in your client portal.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.RECEIPT]: {
    subject: "Receipt for your payment to {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "Thank you for your payment. Here is your receipt for invoice #{{invoice.number}}.\nAmount paid: {{payment.amount}}\nDate: {{payment.date}}\nPayment method: {{payment.method}}",
      "{{link}}",
      "The invoice and this receipt stay in your client portal.",
    ].join("\n\n"),
  },
};
