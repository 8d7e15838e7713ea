import { ConnectionArgs, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { readableView, viewsFor } from "./document-access.js";
import { asDeleteResult, asDocumentResult } from "./document-outcomes.js";
import { DocumentFieldInput, DocumentInput, DocumentRecipientInput } from "./document.inputs.js";
import { DeleteDocumentResult, DocumentResult } from "./document.types.js";
import { createDocument, deleteDocument, listDocuments, updateDocument } from "./document.service.js";
import { DocumentConnection, DocumentView } from "./document.types.js";
import { setFields, setRecipients } from "./draft.service.js";
import type { DocumentState } from "./document.entity.js";
import { DocumentStatus, fromApi } from "./enums.js";

@ArgsType()
class DocumentListArgs extends ConnectionArgs {
  @Field(() => DocumentStatus, { nullable: true, description: "Only documents in this status." })
  status?: DocumentStatus | null;
  @Field(() => ID, { nullable: true, description: "Only documents where this contact is a recipient." })
  contactId?: string | null;
  @Field(() => String, { nullable: true, description: "Words in the title (case-insensitive)." })
  search?: string | null;
}

/** Staff's documents: lists, drafts and their editing. */
@Resolver(() => DocumentView)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: "Staff or READ API key: the business's documents, newest first." })
  async documents(@Args(() => DocumentListArgs) args: DocumentListArgs, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "read");
    const page = await listDocuments(ctx.em, businessId, { ...args, status: args.status ? fromApi<DocumentState>(args.status) : null });
    const views = await viewsFor(
      ctx.em,
      ctx.caller,
      page.edges.map((edge) => edge.node),
    );
    return { ...page, edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: views[index] })) };
  }

  @Query(() => DocumentView, {
    nullable: true,
    description: "One document: for staff of its business, or for its recipients once sent; null for anyone else.",
  })
  async document(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<DocumentView | null> {
    requireSignedIn(ctx.caller);
    return readableView(ctx.em, ctx.caller, id);
  }

  @Mutation(() => DocumentResult, {
    description: "Staff: a new draft document (upload its PDF to /files/documents/documents/<id>/original.pdf).",
  })
  async createDocument(
    @Arg("input", () => DocumentInput) input: DocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DocumentResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await createDocument(ctx.em, ctx.caller, businessId, input));
  }

  @Mutation(() => DocumentResult, { description: "Staff: edits a draft's title, message, order, expiry and reminders." })
  async updateDocument(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => DocumentInput) input: DocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await updateDocument(ctx.em, id, input));
  }

  @Mutation(() => DocumentResult, {
    description: "Staff: replaces a draft's recipients; people kept keep their id, fields of dropped ones go.",
  })
  async setDocumentRecipients(
    @Arg("documentId", () => ID) documentId: string,
    @Arg("recipients", () => [DocumentRecipientInput]) recipients: DocumentRecipientInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await setRecipients(ctx.em, documentId, recipients));
  }

  @Mutation(() => DocumentResult, {
    description: "Staff: replaces a draft's fields; a ValidationError names the field, e.g. `fields.2.page`.",
  })
  async setDocumentFields(
    @Arg("documentId", () => ID) documentId: string,
    @Arg("fields", () => [DocumentFieldInput]) fields: DocumentFieldInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await setFields(ctx.em, documentId, fields));
  }

  @Mutation(() => DeleteDocumentResult, { description: "Staff: deletes a draft (sent documents are voided instead)." })
  async deleteDocument(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof DeleteDocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDeleteResult(await deleteDocument(ctx.em, id));
  }
}
