import { ConnectionType, type EntityManager, errorType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ContactRef } from "../client/contact-ref.js";
import {
  DocumentFieldKind,
  DocumentChangeKind,
  DocumentStatus,
  RecipientKind,
  RecipientRole,
  RecipientStatus,
  SignatureMethod,
  SigningOrder,
} from "./enums.js";
import { DocumentStateError } from "./document.errors.js";
import { StaffRef } from "./staff-ref.js";

@ObjectType({ description: "A page of the document's PDF, in PDF points (1/72 inch)." })
export class DocumentPage {
  @Field(() => Int, { description: "Page number, from 1." })
  number!: number;
  @Field(() => Float, { description: "Width in points." })
  width!: number;
  @Field(() => Float, { description: "Height in points." })
  height!: number;
}

@ObjectType({ description: "A party of a document: who signs, approves or receives a copy, in which order." })
export class DocumentRecipient {
  @Field(() => ID, { description: "Recipient id (stable while the same person stays on the draft)." })
  id!: string;
  @Field(() => RecipientKind, { description: "A contact of the business, or one of its staff (counter-signer)." })
  kind!: RecipientKind;
  @Field(() => ContactRef, {
    nullable: true,
    description: "The contact, for CONTACT recipients (resolved by identity for who may see it).",
  })
  contact!: ContactRef | null;
  @Field(() => StaffRef, { nullable: true, description: "The staff member, for STAFF recipients (resolved by identity for staff)." })
  staff!: StaffRef | null;
  @Field(() => String, { description: "Name." })
  name!: string;
  @Field(() => String, { description: "Email address." })
  email!: string;
  @Field(() => RecipientRole, { description: "Signer, approver or copy only." })
  role!: RecipientRole;
  @Field(() => Int, { description: "Signing order, from 1 (equal orders act together)." })
  order!: number;
  @Field(() => RecipientStatus, { description: "Whether they still have to act, and what they did." })
  status!: RecipientStatus;
  @Field(() => Boolean, { description: "The document is open and it is this recipient's turn to sign or approve." })
  isTheirTurn!: boolean;
  @Field(() => Date, { nullable: true, description: "When they first opened the sent document." })
  viewedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When they signed or approved." })
  signedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When they declined." })
  declinedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Why they declined." })
  declineReason!: string | null;
  @Field(() => SignatureMethod, { nullable: true, description: "How they signed, once signed." })
  signatureMethod!: SignatureMethod | null;
}

@ObjectType({
  description:
    "A box on a page that one recipient fills when signing. Coordinates are fractions (0–1) of the page's width and height from its top-left corner.",
})
export class DocumentField {
  @Field(() => ID, { description: "Field id." })
  id!: string;
  @Field(() => ID, { description: "The recipient who fills it." })
  recipientId!: string;
  @Field(() => DocumentFieldKind, { description: "What goes in it." })
  kind!: DocumentFieldKind;
  @Field(() => Int, { description: "Page number, from 1." })
  page!: number;
  @Field(() => Float, { description: "Left edge, as a fraction of the page width." })
  x!: number;
  @Field(() => Float, { description: "Top edge, as a fraction of the page height." })
  y!: number;
  @Field(() => Float, { description: "Width, as a fraction of the page width." })
  width!: number;
  @Field(() => Float, { description: "Height, as a fraction of the page height." })
  height!: number;
  @Field(() => String, { nullable: true, description: 'Label shown to the signer, e.g. "Job title".' })
  label!: string | null;
  @Field(() => Boolean, { description: "Must be filled to sign (TEXT fields; the others are always filled)." })
  required!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "After signing: the TEXT value, the DATE_SIGNED date, the INITIALS, or a typed signature's name.",
  })
  value!: string | null;
}

/** Who is looking, decided once per request or live event, so every field answers with the same rights. */
export interface DocumentViewer {
  audience: "staff" | "party";
  /** The caller's own recipient id on this document, if any. */
  recipientId: string | null;
  em: EntityManager;
}

@Directive(`@key(fields: "id")`)
@ObjectType("Document", {
  description:
    "A PDF sent to contacts (and staff counter-signers) to sign, approve or receive, with its audit trail and, once completed, the sealed PDF.",
})
export class DocumentView {
  @Field(() => ID, { description: "Document id." })
  id!: string;
  /** Not exposed: for field resolvers. */
  businessId!: string;
  viewer!: DocumentViewer;
  sentByStaffId!: string | null;
  @Field(() => String, { description: "Title shown to recipients." })
  title!: string;
  @Field(() => String, { description: "Message to the recipients, in the signature request email (empty when none)." })
  message!: string;
  @Field(() => DocumentStatus, { description: "Lifecycle status." })
  status!: DocumentStatus;
  @Field(() => SigningOrder, { description: "In sequence by order, or everyone at once." })
  signingOrder!: SigningOrder;
  @Field(() => String, { nullable: true, description: "Name of the uploaded PDF file." })
  fileName!: string | null;
  @Field(() => Int, { description: "Pages of the PDF; 0 until one is uploaded." })
  pageCount!: number;
  @Field(() => [DocumentPage], { description: "The PDF's pages and their sizes; empty until a PDF is uploaded." })
  pages!: DocumentPage[];
  @Field(() => [DocumentRecipient], { description: "Recipients by signing order, then as staff listed them." })
  recipients!: DocumentRecipient[];
  @Field(() => [DocumentField], { description: "Fields placed on the pages." })
  fields!: DocumentField[];
  @Field(() => DocumentRecipient, {
    nullable: true,
    description: "The caller's own recipient (contact or staff counter-signer), else null.",
  })
  myRecipient!: DocumentRecipient | null;
  @Field(() => String, { nullable: true, description: "SHA-256 (hex) of the uploaded PDF." })
  originalSha256!: string | null;
  @Field(() => String, { nullable: true, description: "SHA-256 (hex) of the sealed final PDF, once completed." })
  finalSha256!: string | null;
  @Field(() => String, { nullable: true, description: "Download path of the uploaded PDF (through the gateway), when one exists." })
  originalPdfUrl!: string | null;
  @Field(() => String, { nullable: true, description: "Download path of the sealed, signed PDF, once COMPLETED." })
  signedPdfUrl!: string | null;
  @Field(() => Date, { nullable: true, description: "After this instant the document expires if not completed." })
  expiresAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: "Remind recipients whose turn it is every this many days; null = no automatic reminders.",
  })
  reminderIntervalDays!: number | null;
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Date, { description: "When it last changed." })
  updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: "When it was sent." })
  sentAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When the last signer or approver acted." })
  completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When a recipient declined." })
  declinedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When staff voided it." })
  voidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Why staff voided it." })
  voidReason!: string | null;
}

export const DocumentConnection = ConnectionType(DocumentView, "Document");

@ObjectType({ description: "The contact's documents at a glance, for the dashboard card." })
export class DocumentSummary {
  @Field(() => Boolean, { description: "Whether the contact is a recipient of any sent document (hide the card when false)." })
  hasDocuments!: boolean;
  @Field(() => Int, { description: "Documents where it is their turn and they still have to sign or approve." })
  waitingForSignature!: number;
}

@ObjectType({ description: "The electronic-signature consent a recipient accepts before signing." })
export class SignatureConsent {
  @Field(() => String, { description: "Version to send back in signDocument's consentVersion." })
  version!: string;
  @Field(() => String, { description: "The consent text to show." })
  text!: string;
}

errorType(DocumentStateError, {
  description: "The document's status does not allow this (e.g. editing after sending, signing twice or out of turn).",
  fields: { status: [() => DocumentStatus, "The document's current status."] },
});
export { DocumentStateError };

@ObjectType({ description: "The document after the change." })
export class DocumentSuccess {
  @Field(() => DocumentView, { description: "The document." })
  document!: DocumentView;
}

export const DocumentResult = createUnionType({
  name: "DocumentResult",
  description: "Outcome of a change to a document.",
  types: () => [DocumentSuccess, ValidationError, NotFoundError, DocumentStateError] as const,
});

@ObjectType({ description: "The draft was deleted." })
export class DeleteDocumentSuccess {
  @Field(() => ID, { description: "Id of the deleted document." })
  deletedId!: string;
}

export const DeleteDocumentResult = createUnionType({
  name: "DeleteDocumentResult",
  description: "Outcome of deleting a draft.",
  types: () => [DeleteDocumentSuccess, NotFoundError, DocumentStateError] as const,
});

@ObjectType({ description: "A live change to a document." })
export class DocumentChangeEvent {
  @Field(() => DocumentChangeKind, { description: "What happened." })
  change!: DocumentChangeKind;
  @Field(() => DocumentView, { description: "The document after the change, as the subscriber may see it." })
  document!: DocumentView;
  @Field(() => ID, { nullable: true, description: "The recipient who viewed, signed, approved or declined, if any." })
  recipientId!: string | null;
}
