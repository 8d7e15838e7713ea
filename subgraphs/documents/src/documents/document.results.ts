import { NotFoundError, UserError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { DocumentStatus, DocumentChangeKind } from "./enums.js";
import { DocumentView } from "./document.types.js";

@ObjectType({ implements: UserError, description: "The document's status does not allow this (e.g. editing after sending, signing twice or out of turn)." })
export class DocumentStateError extends UserError {
  @Field(() => DocumentStatus, { description: "The document's current status." })
  status!: DocumentStatus;
  static of(status: string, message: string): DocumentStateError {
    return Object.assign(new DocumentStateError(), { status: status.toUpperCase() as DocumentStatus, message });
  }
}

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
