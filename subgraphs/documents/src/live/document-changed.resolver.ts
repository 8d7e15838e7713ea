import {
  type Caller,
  forbidden,
  forkFor,
  isStaffReader,
  type LiveMessage,
  type SubgraphContext,
  type SubgraphDeps,
  unauthenticated,
} from "@portal/kit";
import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import { readableView } from "../documents/document-access.js";
import { DocumentChangeEvent } from "../documents/document.types.js";
import { DocumentChangeKind } from "../documents/enums.js";
import { partyOf } from "../shared/access.js";
import { DOCUMENT_TOPIC, type DocumentChangedMessage } from "./document-live.js";

/**
 * Decided once, when subscribing: staff and READ keys hear every document of their business; a
 * contact or staff recipient only documents they are a party of (never drafts, whose messages name
 * no parties); anyone else is refused.
 */
export function audienceFilter(caller: Caller, documentId: string | null): (message: LiveMessage) => boolean {
  if (caller.actor.kind === "anonymous" || !caller.actor.id) throw unauthenticated();
  if (!caller.businessId) throw forbidden();
  const relevant = (message: LiveMessage) =>
    message.topic === DOCUMENT_TOPIC &&
    message.businessId === caller.businessId &&
    (!documentId || (message.data as unknown as DocumentChangedMessage).documentId === documentId);
  if (isStaffReader(caller)) return relevant;
  const party = partyOf(caller);
  if (!party) throw forbidden();
  return (message) => {
    if (!relevant(message)) return false;
    const data = message.data as unknown as DocumentChangedMessage;
    return (party.kind === "contact" ? data.contactIds : data.staffIds).includes(party.id);
  };
}

/** Built per schema because the subscription's source is this process's LiveBus. */
export function documentChangedResolver(deps: SubgraphDeps) {
  @Resolver()
  class DocumentChangedResolver {
    @Subscription(() => DocumentChangeEvent, {
      description:
        "Documents as they change (viewed, signed, declined, completed…): staff get their business's documents, a recipient only theirs once sent.",
      subscribe: ({ args, context }) =>
        deps.live.subscribe(
          audienceFilter((context as SubgraphContext).caller, (args as { documentId?: string | null }).documentId ?? null),
        ),
    })
    async documentChanged(
      @Root() message: LiveMessage,
      @Arg("documentId", () => ID, { nullable: true, description: "Only this document." }) _documentId: string | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentChangeEvent> {
      // A fresh unit of work per event: the subscription's context lives as long as the socket.
      const data = message.data as unknown as DocumentChangedMessage;
      const document = await readableView(forkFor(deps.orm, ctx.caller.businessId), ctx.caller, data.documentId);
      if (!document) throw forbidden("This document is no longer visible to you");
      return Object.assign(new DocumentChangeEvent(), {
        change: data.change as DocumentChangeKind,
        document,
        recipientId: data.recipientId,
      });
    }
  }
  return DocumentChangedResolver;
}
