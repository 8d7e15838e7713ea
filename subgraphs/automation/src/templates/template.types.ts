import { Multiline, ValidationError } from "@portal/kit";
import { createUnionType, Field, GraphQLISODateTime, InputType, ObjectType, registerEnumType } from "type-graphql";
import { NotificationTemplateKey } from "./template-key.js";

registerEnumType(NotificationTemplateKey, {
  name: "NotificationTemplateKey",
  description: "Which email a template is for.",
  valuesConfig: {
    INVITATION: { description: "Invitation to the client portal, sent when staff invite a contact." },
    SIGN_IN: { description: "Sign-in link the person asked for on the sign-in page." },
    EMAIL_CHANGE: { description: "Link confirming a new email address, sent to that address." },
    NEW_INVOICE: { description: "New invoice, sent to the contact when staff send it, with a link to pay in the portal." },
    RECEIPT: { description: "Payment receipt, sent to the contact when a payment is confirmed." },
    SIGNATURE_REQUEST: {
      description: "Request to sign a document, sent to each signer or approver when their turn begins, with a link to the document.",
    },
    SIGNATURE_REMINDER: {
      description: "Reminder to sign a document, sent to recipients whose turn it is on a reminder (automatic or by staff).",
    },
    DOCUMENT_COMPLETED: { description: "Fully signed confirmation, sent to every party of a document with the signed PDF attached." },
    DOCUMENT_DECLINED: { description: "Declined notice, sent to staff when a recipient declines to sign a document." },
    COMMUNITY_REPLY: {
      description: "Someone replied to a member's post or comment in a community group (per the member's preference for the group).",
    },
    COMMUNITY_MENTION: { description: "Someone @mentioned a member in a community group post or comment (per the member's preference)." },
    COMMUNITY_ACTIVITY: { description: "A new post or comment in a group whose member chose to hear about every activity." },
    COURSE_ACCESS_GRANTED: {
      description: "Welcome to a course, sent to a contact when they are enrolled, with a link into the course player.",
    },
    NEW_LESSON_AVAILABLE: {
      description: "A dripped lesson opened for a student, with a link to the lesson (once per student and lesson).",
    },
    APPOINTMENT_CONFIRMED: {
      description:
        "Booking confirmation, sent to the client and the host when an appointment is booked, with a calendar invitation (.ics) attached.",
    },
    APPOINTMENT_RESCHEDULED: {
      description: "An appointment moved to a new time, sent to the client and the host, with the updated calendar invitation (.ics).",
    },
    APPOINTMENT_CANCELLED: {
      description: "An appointment was cancelled, sent to the client and the host, with a calendar cancellation (.ics).",
    },
    APPOINTMENT_REMINDER: {
      description: "Reminder of an upcoming appointment, sent to the client at the appointment type's reminder times.",
    },
    AFFILIATE_NEW_REFERRAL: {
      description:
        "New referral, sent to an affiliate when a contact arrives through one of their links (or staff credit them with one), with a link to their Affiliates page.",
    },
    AFFILIATE_COMMISSION_APPROVED: {
      description:
        "A commission was approved (its hold period ended, or staff approved it early), sent to the affiliate with their approved balance.",
    },
    AFFILIATE_PAYOUT_SENT: {
      description:
        "Staff recorded a payout to an affiliate, sent to the affiliate with the amount, the reference and the commissions it settles.",
    },
    ORDER_RECEIPT: {
      description: "A buyer paid an offer on its order page, sent to the buyer with what they bought and the order's receipt PDF.",
    },
    WEBHOOK_ENDPOINT_DISABLED: {
      description: "A webhook endpoint was disabled after failing for a day, sent to the business owner (Do Not Disturb does not apply).",
    },
    WORKFLOW_EMAIL: {
      description: "A workflow's own email (its subject and body are written in the workflow; not among the editable templates).",
    },
  },
});

@ObjectType("NotificationTemplate", { description: "Subject and body of one email, with the placeholders it may use." })
export class NotificationTemplateType {
  @Field(() => NotificationTemplateKey, { description: "Which email this is." })
  key!: NotificationTemplateKey;
  @Field(() => String, { description: "Subject line; may use placeholders." })
  subject!: string;
  @Field(() => String, {
    description: "Plain-text body; blank lines separate paragraphs and a paragraph holding only {{link}} becomes the button.",
  })
  body!: string;
  @Field(() => [String], { description: "Placeholders available, as typed, e.g. `{{contact.firstName}}`." })
  placeholders!: string[];
  @Field(() => Boolean, { description: "True when the business saved its own wording; false for the built-in default." })
  isCustom!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the business last saved this template; null for the default." })
  updatedAt!: Date | null;
}

@InputType({ description: "New wording for one email." })
export class NotificationTemplateInput {
  @Field(() => NotificationTemplateKey, { description: "Which email to change." })
  key!: NotificationTemplateKey;
  @Field(() => String, { description: "Subject line (one line, up to 200 characters)." })
  subject!: string;
  @Field(() => String, { description: "Body (must contain {{link}})." })
  @Multiline()
  body!: string;
}

@ObjectType({ description: "The template was saved or reset." })
export class NotificationTemplateSuccess {
  @Field(() => NotificationTemplateType, { description: "The template now in use." })
  template!: NotificationTemplateType;
}

export const NotificationTemplateResult = createUnionType({
  name: "NotificationTemplateResult",
  description: "Result of saving or resetting a notification template.",
  types: () => [NotificationTemplateSuccess, ValidationError] as const,
});

@ObjectType({ description: "An email as it would be sent." })
export class EmailPreview {
  @Field(() => String, { description: "Rendered subject line." })
  subject!: string;
  @Field(() => String, { description: "Branded HTML part." })
  html!: string;
  @Field(() => String, { description: "Plain-text part." })
  text!: string;
}

export { NotificationTemplateKey };
