import { ConnectionType } from "@portal/kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DocumentAuditAction } from "../documents/enums.js";

@ObjectType({ description: "One entry of a document's append-only, hash-chained audit trail." })
export class DocumentAuditEntry {
  @Field(() => ID, { description: "Entry id." })
  id!: string;
  @Field(() => Int, { description: "Position in the document's trail, from 1." })
  sequence!: number;
  @Field(() => DocumentAuditAction, { description: "What happened." })
  action!: DocumentAuditAction;
  @Field(() => String, { description: "Who did it: staff, contact, apiKey or system." })
  actorKind!: string;
  @Field(() => String, { description: "Name of who did it, as at that moment." })
  actorName!: string;
  @Field(() => ID, { nullable: true, description: "The recipient concerned, if any." })
  recipientId!: string | null;
  @Field(() => String, { nullable: true, description: "IP address of the request." })
  ip!: string | null;
  @Field(() => String, { nullable: true, description: "Browser user agent of the request." })
  userAgent!: string | null;
  @Field(() => String, { description: "Details as a JSON object (e.g. the consent version, the email template and status)." })
  details!: string;
  @Field(() => Date, { description: "When it happened." })
  occurredAt!: Date;
  @Field(() => String, { description: "SHA-256 (hex) of previousHash and this entry's canonical JSON." })
  hash!: string;
  @Field(() => String, { description: "Hash of the entry before (64 zeros for the first)." })
  previousHash!: string;
}

export const DocumentAuditEntryConnection = ConnectionType(DocumentAuditEntry, "DocumentAuditEntry");

@ObjectType({ description: "Result of re-checking a document's audit chain against the stored hashes and the document's head." })
export class AuditVerification {
  @Field(() => Boolean, { description: "Every entry is present, unaltered and chained." })
  valid!: boolean;
  @Field(() => Int, { description: "Entries checked." })
  entries!: number;
  @Field(() => String, { nullable: true, description: "What is wrong, when not valid." })
  problem!: string | null;
}
