import type { NotificationTemplateKey } from "../../gql/graphql";

/**
 * What staff call each email, wherever the web shows one (template picker, email log). A Record
 * over the whole enum: a key added to the API fails the type check until it is named here.
 */
const TEMPLATE_NAMES: Record<NotificationTemplateKey, string> = {
  INVITATION: "Portal invitation",
  SIGN_IN: "Sign-in link",
  EMAIL_CHANGE: "Email change confirmation",
  NEW_INVOICE: "New invoice",
  RECEIPT: "Payment receipt",
  SIGNATURE_REQUEST: "Signature request",
  SIGNATURE_REMINDER: "Signature reminder",
  DOCUMENT_COMPLETED: "Document signed by everyone",
  DOCUMENT_DECLINED: "Document declined",
  COMMUNITY_REPLY: "Community reply",
  COMMUNITY_MENTION: "Community mention",
  COMMUNITY_ACTIVITY: "Community activity",
  COURSE_ACCESS_GRANTED: "Course access granted",
  NEW_LESSON_AVAILABLE: "New lesson available",
  APPOINTMENT_CONFIRMED: "Appointment confirmed",
  APPOINTMENT_RESCHEDULED: "Appointment rescheduled",
  APPOINTMENT_CANCELLED: "Appointment cancelled",
  APPOINTMENT_REMINDER: "Appointment reminder",
  AFFILIATE_NEW_REFERRAL: "Affiliate: new referral",
  AFFILIATE_COMMISSION_APPROVED: "Affiliate: commission approved",
  AFFILIATE_PAYOUT_SENT: "Affiliate: payout sent",
  ORDER_RECEIPT: "Order receipt",
  WEBHOOK_ENDPOINT_DISABLED: "Webhook endpoint disabled",
  WORKFLOW_EMAIL: "Workflow email",
};

/** The human name of an email template; a key this build does not know yet reads as "Email". */
export function templateName(key: NotificationTemplateKey | string): string {
  return TEMPLATE_NAMES[key as NotificationTemplateKey] ?? "Email";
}
