import { Multiline } from "@portal/kit";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { DocumentFieldKind, RecipientRole, SignatureMethod, SigningOrder } from "./enums.js";

@InputType({ description: "What staff write on a new or draft document (every field is replaced)." })
export class DocumentInput {
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => String, { nullable: true, description: "Message for the recipients, at most 5000 characters." })
  @Multiline()
  message?: string | null;
  @Field(() => SigningOrder, { nullable: true, description: "Default SEQUENTIAL." })
  signingOrder?: SigningOrder | null;
  @Field(() => Date, { nullable: true, description: "Expiry instant (in the future when sending); null = never." })
  expiresAt?: Date | null;
  @Field(() => Int, { nullable: true, description: "Remind every this many days (1–365); null = no automatic reminders." })
  reminderIntervalDays?: number | null;
}

@InputType({ description: "One recipient of a draft: give exactly one of contactId or staffId." })
export class DocumentRecipientInput {
  @Field(() => ID, { nullable: true, description: "A contact of the business." })
  contactId?: string | null;
  @Field(() => ID, { nullable: true, description: "A staff member of the business (counter-signer)." })
  staffId?: string | null;
  @Field(() => RecipientRole, { description: "Signer, approver or copy only." })
  role!: RecipientRole;
  @Field(() => Int, { description: "Signing order, from 1; equal orders act together." })
  order!: number;
}

@InputType({ description: "A field on a draft's page, for one SIGNER recipient." })
export class DocumentFieldInput {
  @Field(() => ID, { description: "The SIGNER recipient who fills it." })
  recipientId!: string;
  @Field(() => DocumentFieldKind, { description: "What goes in it." })
  kind!: DocumentFieldKind;
  @Field(() => Int, { description: "Page number, from 1." })
  page!: number;
  @Field(() => Float, { description: "Left edge as a fraction (0–1) of the page width." })
  x!: number;
  @Field(() => Float, { description: "Top edge as a fraction (0–1) of the page height." })
  y!: number;
  @Field(() => Float, { description: "Width as a fraction of the page width (the box stays on the page)." })
  width!: number;
  @Field(() => Float, { description: "Height as a fraction of the page height (the box stays on the page)." })
  height!: number;
  @Field(() => String, { nullable: true, description: "Label shown to the signer, at most 100 characters." })
  label?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Must be filled (TEXT fields); default true." })
  required?: boolean | null;
}

@InputType({ description: "A signature: drawn (PNG) or typed." })
export class SignatureInput {
  @Field(() => SignatureMethod, { description: "Drawn or typed." })
  method!: SignatureMethod;
  @Field(() => String, { nullable: true, description: "TYPED: the name as signed, 1–100 characters." })
  typedName?: string | null;
  @Field(() => String, { nullable: true, description: "DRAWN: base64 PNG (optionally a data: URL), at most 60 kB." })
  drawnPng?: string | null;
}

@InputType({ description: "The signer's value for one TEXT field." })
export class FieldValueInput {
  @Field(() => ID, { description: "A TEXT field of the signer." })
  fieldId!: string;
  @Field(() => String, { description: "The value, at most 500 characters." })
  value!: string;
}

@InputType({ description: "Signing (SIGNER) or approving (APPROVER) a document." })
export class SignDocumentInput {
  @Field(() => ID, { description: "The document." })
  documentId!: string;
  @Field(() => String, { description: "Must equal signatureConsent.version." })
  consentVersion!: string;
  @Field(() => Boolean, { description: "Must be true: the recipient accepts to sign electronically." })
  consentAccepted!: boolean;
  @Field(() => SignatureInput, { nullable: true, description: "Required for SIGNERs; optional for APPROVERs." })
  signature?: SignatureInput | null;
  @Field(() => String, { nullable: true, description: "Initials for INITIALS fields, 1–10 characters; default derived from the name." })
  initials?: string | null;
  @Field(() => [FieldValueInput], { nullable: true, description: "Values of the signer's TEXT fields." })
  fieldValues?: FieldValueInput[] | null;
}

@InputType({ description: "Declining to sign or approve." })
export class DeclineDocumentInput {
  @Field(() => ID, { description: "The document." })
  documentId!: string;
  @Field(() => String, { description: "Why, 1–1000 characters (shown to the business)." })
  @Multiline()
  reason!: string;
}
