/** Which email a template is for. String values are stored in the database and shown in the API. */
export enum NotificationTemplateKey {
  INVITATION = "INVITATION",
  SIGN_IN = "SIGN_IN",
  EMAIL_CHANGE = "EMAIL_CHANGE",
  NEW_INVOICE = "NEW_INVOICE",
  RECEIPT = "RECEIPT",
  SIGNATURE_REQUEST = "SIGNATURE_REQUEST",
  SIGNATURE_REMINDER = "SIGNATURE_REMINDER",
  DOCUMENT_COMPLETED = "DOCUMENT_COMPLETED",
  DOCUMENT_DECLINED = "DOCUMENT_DECLINED",
  COMMUNITY_REPLY = "COMMUNITY_REPLY",
  COMMUNITY_MENTION = "COMMUNITY_MENTION",
  COMMUNITY_ACTIVITY = "COMMUNITY_ACTIVITY",
  COURSE_ACCESS_GRANTED = "COURSE_ACCESS_GRANTED",
  NEW_LESSON_AVAILABLE = "NEW_LESSON_AVAILABLE",
  APPOINTMENT_CONFIRMED = "APPOINTMENT_CONFIRMED",
  APPOINTMENT_RESCHEDULED = "APPOINTMENT_RESCHEDULED",
  APPOINTMENT_CANCELLED = "APPOINTMENT_CANCELLED",
  APPOINTMENT_REMINDER = "APPOINTMENT_REMINDER",
  AFFILIATE_NEW_REFERRAL = "AFFILIATE_NEW_REFERRAL",
  AFFILIATE_COMMISSION_APPROVED = "AFFILIATE_COMMISSION_APPROVED",
  AFFILIATE_PAYOUT_SENT = "AFFILIATE_PAYOUT_SENT",
  ORDER_RECEIPT = "ORDER_RECEIPT",
  WEBHOOK_ENDPOINT_DISABLED = "WEBHOOK_ENDPOINT_DISABLED",
  /** A workflow's "send an email" action: its wording lives in the workflow, so it has no template of its own. */
  WORKFLOW_EMAIL = "WORKFLOW_EMAIL",
}

/** The emails with an editable template (a workflow's email is written in the workflow). */
export const TEMPLATE_KEYS = Object.values(NotificationTemplateKey).filter((key) => key !== NotificationTemplateKey.WORKFLOW_EMAIL);

/**
 * Emails the person asked for themselves. DND never suppresses them: a contact with DND on must
 * still be able to sign in and confirm a new address.
 */
export const REQUESTED_BY_RECIPIENT: ReadonlySet<NotificationTemplateKey> = new Set([
  NotificationTemplateKey.SIGN_IN,
  NotificationTemplateKey.EMAIL_CHANGE,
]);
