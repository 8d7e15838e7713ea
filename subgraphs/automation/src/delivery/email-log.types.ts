import { ConnectionType } from "@portal/kit";
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { NotificationTemplateKey } from "../templates/template.types.js";
import { EmailStatus } from "./email-log.entity.js";

registerEnumType(EmailStatus, {
  name: "EmailStatus",
  description: "What became of an email.",
  valuesConfig: {
    QUEUED: { description: "Waiting to be sent, or being retried after a temporary failure." },
    SENT: { description: "Accepted by the mail provider." },
    SUPPRESSED: { description: "Not sent on purpose, e.g. the contact has Do Not Disturb on." },
    FAILED: { description: "Could not be sent; `reason` says why." },
  },
});

@ObjectType({ description: "One email the business's portal sent or meant to send." })
export class EmailLogEntry {
  @Field(() => ID, { description: "Log entry id." })
  id!: string;
  @Field(() => String, { description: "Recipient email address." })
  recipient!: string;
  @Field(() => NotificationTemplateKey, { description: "Which email this was." })
  template!: NotificationTemplateKey;
  @Field(() => String, { description: "Subject line as sent." })
  subject!: string;
  @Field(() => EmailStatus, { description: "Current delivery status." })
  status!: EmailStatus;
  @Field(() => String, { nullable: true, description: "Why it was suppressed or failed (or the last temporary error while retrying)." })
  reason!: string | null;
  @Field(() => Int, { description: "Delivery attempts made so far." })
  attempts!: number;
  @Field(() => GraphQLISODateTime, { description: "When the email was requested." })
  createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the mail provider accepted it." })
  sentAt!: Date | null;
}

export const EmailLogEntryConnection = ConnectionType(EmailLogEntry);

export { EmailStatus };
