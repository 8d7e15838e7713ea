import type { TemplateValues } from "../mail/render-email.js";
import { NotificationTemplateKey } from "./template-key.js";

const DOCUMENT_KEYS: ReadonlySet<NotificationTemplateKey> = new Set([
  NotificationTemplateKey.SIGNATURE_REQUEST,
  NotificationTemplateKey.SIGNATURE_REMINDER,
  NotificationTemplateKey.DOCUMENT_COMPLETED,
  NotificationTemplateKey.DOCUMENT_DECLINED,
]);

const COMMUNITY_KEYS: ReadonlySet<NotificationTemplateKey> = new Set([
  NotificationTemplateKey.COMMUNITY_REPLY,
  NotificationTemplateKey.COMMUNITY_MENTION,
  NotificationTemplateKey.COMMUNITY_ACTIVITY,
]);

const APPOINTMENT_KEYS: ReadonlySet<NotificationTemplateKey> = new Set([
  NotificationTemplateKey.APPOINTMENT_CONFIRMED,
  NotificationTemplateKey.APPOINTMENT_RESCHEDULED,
  NotificationTemplateKey.APPOINTMENT_CANCELLED,
  NotificationTemplateKey.APPOINTMENT_REMINDER,
]);

const AFFILIATE_KEYS: ReadonlySet<NotificationTemplateKey> = new Set([
  NotificationTemplateKey.AFFILIATE_NEW_REFERRAL,
  NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED,
  NotificationTemplateKey.AFFILIATE_PAYOUT_SENT,
]);

/** A sample person for previews, so staff see the email as a contact would. */
export const SAMPLE_CONTACT = { name: "Alex Morgan", firstName: "Alex" };

/** Values a preview (and template validation) renders with: realistic, never a real person's. */
export function sampleValuesFor(key: NotificationTemplateKey, link: string): TemplateValues {
  const base: TemplateValues = { contact: SAMPLE_CONTACT, link, expiresInMinutes: 15 };
  if (key === NotificationTemplateKey.NEW_INVOICE)
    return { ...base, invoice: { number: "1042", amountDue: "$1,250.00", total: "$1,250.00", dueDate: "March 31, 2026" } };
  if (key === NotificationTemplateKey.RECEIPT)
    return { ...base, invoice: { number: "1042" }, payment: { amount: "$1,250.00", date: "March 14, 2026", method: "Card" } };
  if (key === NotificationTemplateKey.ORDER_RECEIPT)
    return {
      ...base,
      order: { offerName: "Brand photography course" },
      payment: { amount: "$249.00", date: "March 14, 2026", method: "" },
    };
  if (DOCUMENT_KEYS.has(key)) {
    return {
      ...base,
      document: {
        title: "Website design agreement",
        message: "Here is the agreement we discussed. Let me know if anything should change.",
      },
      sender: { name: "Jordan Lee" },
      decliner: { name: SAMPLE_CONTACT.name },
      decline: { reason: "The start date should be May 1, not April 1." },
    };
  }
  if (COMMUNITY_KEYS.has(key)) {
    return {
      ...base,
      group: { name: "Members' lounge" },
      post: { title: "Tips for the quarterly review?" },
      author: { name: "Jordan Lee" },
      excerpt: "A one-page summary of the decisions you need from us helps a lot.",
    };
  }
  if (key === NotificationTemplateKey.COURSE_ACCESS_GRANTED || key === NotificationTemplateKey.NEW_LESSON_AVAILABLE)
    return { ...base, course: { title: "Brand photography basics" }, lesson: { title: "Light and colour" } };
  if (APPOINTMENT_KEYS.has(key)) {
    return {
      ...base,
      appointment: {
        type: "Initial consultation",
        with: "Jordan Lee",
        when: "Tuesday 8 December 2026, 14:00–14:30 (Europe/Paris)",
        location: "Video call: https://meet.example.com/initial-consultation",
        previousWhen: "Monday 7 December 2026, 10:00 (Europe/Paris)",
        changedBy: SAMPLE_CONTACT.name,
        cancelReason: "Something came up at work; I will book another time next week.",
        startsIn: "in 24 hours",
      },
      client: { name: SAMPLE_CONTACT.name },
      host: { name: "Jordan Lee" },
    };
  }
  if (AFFILIATE_KEYS.has(key)) {
    // The referral link sits on the business's portal, like the preview's own link.
    const referralLink = `${new URL(link).origin}/r/spring-launch`;
    return {
      ...base,
      referral: { label: "Sam (s•••@example.com)", link: referralLink, via: `your link ${referralLink}` },
      commission: { amount: "$25.00", approvedBalance: "$140.00" },
      payout: { amount: "$140.00", reference: "TRF-2026-0412", commissionCount: "6", date: "December 6, 2026" },
    };
  }
  if (key === NotificationTemplateKey.WEBHOOK_ENDPOINT_DISABLED)
    return { ...base, webhook: { url: "https://hooks.example.com/portal", reason: "HTTP 503 after 10 s" } };
  return base;
}
