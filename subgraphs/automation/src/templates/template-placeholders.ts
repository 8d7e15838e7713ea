import { NotificationTemplateKey } from "./template-key.js";
import type { Placeholder } from "./template-syntax.js";

const PERSON_AND_BUSINESS: Placeholder[] = ["contact.name", "contact.firstName", "business.name", "link"];
const ONE_TIME_LINK: Placeholder[] = [...PERSON_AND_BUSINESS, "expiresInMinutes"];
const SIGNATURE: Placeholder[] = [...PERSON_AND_BUSINESS, "document.title", "document.message", "sender.name"];
const COMMUNITY: Placeholder[] = [...PERSON_AND_BUSINESS, "group.name", "post.title", "author.name", "excerpt"];
/** `contact.*` is the recipient (the client, or the host for the host's copy); `appointment.with` the other person. */
const APPOINTMENT: Placeholder[] = [
  ...PERSON_AND_BUSINESS,
  "appointment.type",
  "appointment.with",
  "appointment.when",
  "appointment.location",
  "client.name",
  "host.name",
];

/** `contact.*` is the affiliate the email goes to; `{{link}}` their Affiliates page. */
const AFFILIATE_NEW_REFERRAL: Placeholder[] = [...PERSON_AND_BUSINESS, "referral.label", "referral.link", "referral.via"];
const AFFILIATE_COMMISSION_APPROVED: Placeholder[] = [...PERSON_AND_BUSINESS, "commission.amount", "commission.approvedBalance"];
const AFFILIATE_PAYOUT_SENT: Placeholder[] = [
  ...PERSON_AND_BUSINESS,
  "payout.amount",
  "payout.reference",
  "payout.commissionCount",
  "payout.date",
];

/** Which placeholders each email may use: only values its event actually provides. */
export const PLACEHOLDERS_BY_KEY: Record<NotificationTemplateKey, readonly Placeholder[]> = {
  [NotificationTemplateKey.INVITATION]: ONE_TIME_LINK,
  [NotificationTemplateKey.SIGN_IN]: ONE_TIME_LINK,
  [NotificationTemplateKey.EMAIL_CHANGE]: ONE_TIME_LINK,
  [NotificationTemplateKey.NEW_INVOICE]: [
    ...PERSON_AND_BUSINESS,
    "invoice.number",
    "invoice.amountDue",
    "invoice.total",
    "invoice.dueDate",
  ],
  [NotificationTemplateKey.RECEIPT]: [...PERSON_AND_BUSINESS, "invoice.number", "payment.amount", "payment.date", "payment.method"],
  [NotificationTemplateKey.SIGNATURE_REQUEST]: SIGNATURE,
  [NotificationTemplateKey.SIGNATURE_REMINDER]: SIGNATURE,
  [NotificationTemplateKey.DOCUMENT_COMPLETED]: [...PERSON_AND_BUSINESS, "document.title"],
  [NotificationTemplateKey.DOCUMENT_DECLINED]: [...PERSON_AND_BUSINESS, "document.title", "decliner.name", "decline.reason"],
  [NotificationTemplateKey.COMMUNITY_REPLY]: COMMUNITY,
  [NotificationTemplateKey.COMMUNITY_MENTION]: COMMUNITY,
  [NotificationTemplateKey.COMMUNITY_ACTIVITY]: COMMUNITY,
  [NotificationTemplateKey.COURSE_ACCESS_GRANTED]: [...PERSON_AND_BUSINESS, "course.title"],
  [NotificationTemplateKey.NEW_LESSON_AVAILABLE]: [...PERSON_AND_BUSINESS, "course.title", "lesson.title"],
  [NotificationTemplateKey.APPOINTMENT_CONFIRMED]: APPOINTMENT,
  [NotificationTemplateKey.APPOINTMENT_RESCHEDULED]: [...APPOINTMENT, "appointment.previousWhen", "appointment.changedBy"],
  [NotificationTemplateKey.APPOINTMENT_CANCELLED]: [...APPOINTMENT, "appointment.changedBy", "appointment.cancelReason"],
  [NotificationTemplateKey.APPOINTMENT_REMINDER]: [...APPOINTMENT, "appointment.startsIn"],
  [NotificationTemplateKey.AFFILIATE_NEW_REFERRAL]: AFFILIATE_NEW_REFERRAL,
  [NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED]: AFFILIATE_COMMISSION_APPROVED,
  [NotificationTemplateKey.AFFILIATE_PAYOUT_SENT]: AFFILIATE_PAYOUT_SENT,
  [NotificationTemplateKey.ORDER_RECEIPT]: [...PERSON_AND_BUSINESS, "order.offerName", "payment.amount", "payment.date"],
  [NotificationTemplateKey.WEBHOOK_ENDPOINT_DISABLED]: [...PERSON_AND_BUSINESS, "webhook.url", "webhook.reason"],
  [NotificationTemplateKey.WORKFLOW_EMAIL]: PERSON_AND_BUSINESS,
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
  [NotificationTemplateKey.COMMUNITY_REPLY]: "View the conversation",
  [NotificationTemplateKey.COMMUNITY_MENTION]: "View the conversation",
  [NotificationTemplateKey.COMMUNITY_ACTIVITY]: "View the post",
  [NotificationTemplateKey.COURSE_ACCESS_GRANTED]: "Start the course",
  [NotificationTemplateKey.NEW_LESSON_AVAILABLE]: "Open the lesson",
  [NotificationTemplateKey.APPOINTMENT_CONFIRMED]: "View appointment",
  [NotificationTemplateKey.APPOINTMENT_RESCHEDULED]: "View appointment",
  [NotificationTemplateKey.APPOINTMENT_CANCELLED]: "View appointment",
  [NotificationTemplateKey.APPOINTMENT_REMINDER]: "View appointment",
  [NotificationTemplateKey.AFFILIATE_NEW_REFERRAL]: "View your referrals",
  [NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED]: "View your commissions",
  [NotificationTemplateKey.AFFILIATE_PAYOUT_SENT]: "View your earnings",
  [NotificationTemplateKey.ORDER_RECEIPT]: "View your order",
  [NotificationTemplateKey.WEBHOOK_ENDPOINT_DISABLED]: "Open the webhooks page",
  [NotificationTemplateKey.WORKFLOW_EMAIL]: "Open your portal",
};
