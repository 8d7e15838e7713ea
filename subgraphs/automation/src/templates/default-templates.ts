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
  [NotificationTemplateKey.SIGNATURE_REQUEST]: {
    subject: "{{sender.name}} sent you “{{document.title}}” to sign",
    body: [
      "Hi {{contact.firstName}},",
      "{{sender.name}} from {{business.name}} has sent you “{{document.title}}” to review and sign.",
      "{{document.message}}",
      "{{link}}",
      "The button opens the document in {{business.name}}'s client portal, where you can read it, sign it, or decline it with a reason.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.SIGNATURE_REMINDER]: {
    subject: "Reminder: “{{document.title}}” is waiting for your signature",
    body: [
      "Hi {{contact.firstName}},",
      "A friendly reminder that “{{document.title}}”, sent by {{sender.name}} from {{business.name}}, is still waiting for your signature.",
      "{{document.message}}",
      "{{link}}",
      "If you have already signed it, you can ignore this email.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.DOCUMENT_COMPLETED]: {
    subject: "“{{document.title}}” has been signed by everyone",
    body: [
      "Hi {{contact.firstName}},",
      "Everyone has signed “{{document.title}}”. The signed copy is attached to this email as a PDF, sealed so that any later change can be detected.",
      "{{link}}",
      "You can also download it from {{business.name}}'s client portal at any time.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.DOCUMENT_DECLINED]: {
    subject: "{{decliner.name}} declined “{{document.title}}”",
    body: [
      "Hi {{contact.firstName}},",
      "{{decliner.name}} declined to sign “{{document.title}}”, so the document is closed and nobody else can sign it.",
      "Their reason:\n{{decline.reason}}",
      "{{link}}",
      "You can review the document and its audit trail, then send a corrected version if needed.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.COMMUNITY_REPLY]: {
    subject: "{{author.name}} replied to you in {{group.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "{{author.name}} replied in {{group.name}}:",
      "“{{excerpt}}”",
      "{{link}}",
      "You get this email for replies and mentions in {{group.name}}; you can change that in the group, in {{business.name}}'s client portal.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.COMMUNITY_MENTION]: {
    subject: "{{author.name}} mentioned you in {{group.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "{{author.name}} mentioned you in {{group.name}}:",
      "“{{excerpt}}”",
      "{{link}}",
      "You get this email for replies and mentions in {{group.name}}; you can change that in the group, in {{business.name}}'s client portal.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.COMMUNITY_ACTIVITY]: {
    subject: "New in {{group.name}}: {{author.name}} posted",
    body: [
      "Hi {{contact.firstName}},",
      "{{author.name}} wrote in {{group.name}}:",
      "“{{excerpt}}”",
      "{{link}}",
      "You get this email for every new post and comment in {{group.name}}; you can change that in the group, in {{business.name}}'s client portal.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.COURSE_ACCESS_GRANTED]: {
    subject: "You now have access to “{{course.title}}”",
    body: [
      "Hi {{contact.firstName}},",
      "{{business.name}} gave you access to the course “{{course.title}}”. You can start whenever you like, and pick up where you left off each time.",
      "{{link}}",
      "The course is in {{business.name}}'s client portal, with your progress.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.NEW_LESSON_AVAILABLE]: {
    subject: "New lesson available: {{lesson.title}}",
    body: [
      "Hi {{contact.firstName}},",
      "A new lesson of “{{course.title}}” is now open for you: {{lesson.title}}.",
      "{{link}}",
      "You can find it in the course, in {{business.name}}'s client portal.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.APPOINTMENT_CONFIRMED]: {
    subject: "Confirmed: {{appointment.type}} with {{appointment.with}}",
    body: [
      "Hi {{contact.firstName}},",
      "Your {{appointment.type}} with {{appointment.with}} is booked.\nWhen: {{appointment.when}}\nWhere: {{appointment.location}}",
      "{{link}}",
      "The attached invitation adds it to your calendar. If you need to reschedule or cancel, you can do it from the appointment page.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.APPOINTMENT_RESCHEDULED]: {
    subject: "Rescheduled: {{appointment.type}} with {{appointment.with}}",
    body: [
      "Hi {{contact.firstName}},",
      "Your {{appointment.type}} with {{appointment.with}} was moved to a new time by {{appointment.changedBy}}.\nNew time: {{appointment.when}}\nWas: {{appointment.previousWhen}}\nWhere: {{appointment.location}}",
      "{{link}}",
      "The attached invitation updates the appointment in your calendar.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.APPOINTMENT_CANCELLED]: {
    subject: "Cancelled: {{appointment.type}} with {{appointment.with}}",
    body: [
      "Hi {{contact.firstName}},",
      "Your {{appointment.type}} with {{appointment.with}} was cancelled by {{appointment.changedBy}}.\nIt was: {{appointment.when}}",
      "{{appointment.cancelReason}}",
      "{{link}}",
      "The attached cancellation removes it from your calendar.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.APPOINTMENT_REMINDER]: {
    subject: "Reminder: {{appointment.type}} with {{appointment.with}} {{appointment.startsIn}}",
    body: [
      "Hi {{contact.firstName}},",
      "Your {{appointment.type}} with {{appointment.with}} is coming up {{appointment.startsIn}}.\nWhen: {{appointment.when}}\nWhere: {{appointment.location}}",
      "{{link}}",
      "If you can no longer make it, you can reschedule or cancel from the appointment page.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.AFFILIATE_NEW_REFERRAL]: {
    subject: "You have a new referral at {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "Someone new arrived at {{business.name}} thanks to you.\nWho: {{referral.label}}\nThrough: {{referral.via}}",
      "{{link}}",
      "You earn a commission when they pay, under {{business.name}}'s affiliate terms. Your referrals and their progress are on your Affiliates page.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED]: {
    subject: "Commission approved: {{commission.amount}}",
    body: [
      "Hi {{contact.firstName}},",
      "{{business.name}} approved a commission from one of your referrals.\nCommission: {{commission.amount}}\nApproved balance awaiting payout: {{commission.approvedBalance}}",
      "{{link}}",
      "Approved commissions are paid out once your balance reaches {{business.name}}'s minimum payout. Every commission and its status is on your Affiliates page.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.AFFILIATE_PAYOUT_SENT]: {
    subject: "{{business.name}} sent you a payout of {{payout.amount}}",
    body: [
      "Hi {{contact.firstName}},",
      "{{business.name}} has paid out your affiliate commissions.\nAmount: {{payout.amount}}\nReference: {{payout.reference}}\nCommissions settled: {{payout.commissionCount}}\nDate: {{payout.date}}",
      "{{link}}",
      "Depending on how it was sent, it may take a few days to reach you. Quote the reference if you need to ask about it.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.ORDER_RECEIPT]: {
    subject: "Your receipt for {{order.offerName}} from {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "Thank you for your order. Your receipt is attached.\nWhat you bought: {{order.offerName}}\nAmount paid: {{payment.amount}}\nDate: {{payment.date}}",
      "{{link}}",
      "Your order and this receipt stay in {{business.name}}'s client portal.",
    ].join("\n\n"),
  },
  [NotificationTemplateKey.WEBHOOK_ENDPOINT_DISABLED]: {
    subject: "Webhook endpoint disabled at {{business.name}}",
    body: [
      "Hi {{contact.firstName}},",
      "We stopped sending webhooks to {{webhook.url}} because every delivery to it has failed for a day.\nLast failure: {{webhook.reason}}",
      "{{link}}",
      "Once the receiver works again, enable the endpoint in the admin console and redeliver what it missed from its delivery log.",
    ].join("\n\n"),
  },
  // Never used: a workflow's email carries its own subject and body.
  [NotificationTemplateKey.WORKFLOW_EMAIL]: {
    subject: "A message from {{business.name}}",
    body: ["Hi {{contact.firstName}},", "{{link}}"].join("\n\n"),
  },
};
