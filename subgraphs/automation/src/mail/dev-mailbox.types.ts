import { ConnectionType } from "@portal/kit";
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";

@ObjectType("DevMailAttachment", { description: "A file attached to a dev mailbox message (its name and size; the content is not kept)." })
export class DevMailAttachmentType {
  @Field(() => String, { description: "File name, e.g. `receipt-12.pdf`." })
  name!: string;
  @Field(() => String, { description: "MIME type, e.g. `application/pdf`." })
  contentType!: string;
  @Field(() => Int, { description: "Size in bytes." })
  size!: number;
}

@ObjectType("DevMailMessage", { description: "An email kept by the development mailbox instead of being sent." })
export class DevMailMessageType {
  @Field(() => ID, { description: "Message id." })
  id!: string;
  @Field(() => String, { description: "Recipient address." })
  to!: string;
  @Field(() => String, { description: "Sender, with the business's name." })
  from!: string;
  @Field(() => String, { description: "Subject line." })
  subject!: string;
  @Field(() => String, { description: "Branded HTML part." })
  html!: string;
  @Field(() => String, { description: "Plain-text part." })
  text!: string;
  @Field(() => [DevMailAttachmentType], { description: "Files attached to the message." })
  attachments!: DevMailAttachmentType[];
  @Field(() => GraphQLISODateTime, { description: "When the message was stored." })
  createdAt!: Date;
}

export const DevMailMessageConnection = ConnectionType(DevMailMessageType, "DevMailMessage");
