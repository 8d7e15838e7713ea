import { ConnectionArgs, forbidden, isStaffReader, requireBusiness, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { viewsFor } from "../documents/document-access.js";
import { DocumentConnection, DocumentSummary } from "../documents/document.types.js";
import { ContactDocumentList } from "../documents/enums.js";
import { partyOf } from "../shared/access.js";
import { contactDocuments, documentSummary } from "./contact-documents.service.js";
import { ContactRef } from "./contact-ref.js";

/** Only the contact themself or their business's staff; the tenant filter keeps staff in their business. */
function guard(ctx: SubgraphContext, contact: ContactRef): string {
  requireSignedIn(ctx.caller);
  const businessId = requireBusiness(ctx.caller);
  const party = partyOf(ctx.caller);
  const self = party?.kind === "contact" && party.id === contact.id;
  if (!self && !isStaffReader(ctx.caller)) throw forbidden("Only this contact or their business's staff can see their documents");
  return businessId;
}

/**
 * The client's documents, federated onto identity's Contact. Every field is nullable so that when
 * documents fails or is down only these fields are null, not the whole contact with other sections.
 */
@Resolver(() => ContactRef)
export class ContactDocumentsResolver {
  @FieldResolver(() => DocumentConnection, {
    nullable: true,
    description: "The contact's documents in one list, newest sent first. Null only when documents cannot answer (see errors).",
  })
  async documents(
    @Root() contact: ContactRef,
    @Arg("list", () => ContactDocumentList, { description: "Which list." }) list: ContactDocumentList,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const businessId = guard(ctx, contact);
    const page = await contactDocuments(ctx.em, businessId, contact.id, list, args);
    const views = await viewsFor(
      ctx.em,
      ctx.caller,
      page.edges.map((edge) => edge.node),
    );
    return { ...page, edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: views[index] })) };
  }

  @FieldResolver(() => DocumentSummary, {
    nullable: true,
    description:
      "Whether the contact has documents, and how many wait for their signature now. Null only when documents cannot answer (see errors).",
  })
  async documentSummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<DocumentSummary> {
    const businessId = guard(ctx, contact);
    return Object.assign(new DocumentSummary(), await documentSummary(ctx.em, businessId, contact.id));
  }
}
