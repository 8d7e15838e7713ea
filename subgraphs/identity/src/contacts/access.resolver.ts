import { forkFor, requireStaff, type LiveMessage, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver, Root, Subscription } from "type-graphql";
import { EndSessionResult, EndSessionSuccess, toSessionView } from "../auth/session.types.js";
import { linkSettingsOf } from "../options.js";
import type { IdentityDeps } from "../shared/deps.js";
import { CONTACT_ACCESS_TOPIC, type ContactAccessMessage } from "../shared/live-topics.js";
import { endContactSession, revokeAccess, sendInvitation } from "./access.service.js";
import { Contact } from "./contact.entity.js";
import { findContact } from "./contact.service.js";
import {
  ContactAccessChange,
  ContactAccessEvent,
  InvitationSuccess,
  RevokeAccessResult,
  RevokeAccessSuccess,
  SendInvitationResult,
  toContactView,
} from "./contact.types.js";

/** Built per schema because the subscription's source is this process's LiveBus. */
export function accessResolver(deps: IdentityDeps) {
  @Resolver()
  class AccessResolver {
    @Mutation(() => SendInvitationResult, {
      description: "Staff: sends (or resends) a portal invitation; also grants access again after removal.",
    })
    async sendInvitation(@Arg("contactId", () => ID) contactId: string, @Ctx() ctx: SubgraphContext): Promise<typeof SendInvitationResult> {
      const { businessId } = requireStaff(ctx.caller, "write");
      const result = await sendInvitation(ctx.em, linkSettingsOf(deps.options), businessId, contactId);
      return result instanceof Contact ? Object.assign(new InvitationSuccess(), { contact: toContactView(result) }) : result;
    }

    @Mutation(() => RevokeAccessResult, {
      description: "Staff: removes portal access; the contact's sessions and live connections end at once. Their data stays.",
    })
    async revokeAccess(@Arg("contactId", () => ID) contactId: string, @Ctx() ctx: SubgraphContext): Promise<typeof RevokeAccessResult> {
      const { businessId } = requireStaff(ctx.caller, "write");
      const result = await revokeAccess(ctx.em, businessId, contactId);
      return result instanceof Contact ? Object.assign(new RevokeAccessSuccess(), { contact: toContactView(result) }) : result;
    }

    @Mutation(() => EndSessionResult, { description: "Staff: ends one of a contact's sessions." })
    async endSession(@Arg("sessionId", () => ID) sessionId: string, @Ctx() ctx: SubgraphContext): Promise<typeof EndSessionResult> {
      const { businessId } = requireStaff(ctx.caller, "write");
      const result = await endContactSession(ctx.em, businessId, sessionId);
      return "actorKind" in result
        ? Object.assign(new EndSessionSuccess(), { session: toSessionView(result, ctx.caller.actor.sessionId) })
        : result;
    }

    @Subscription(() => ContactAccessEvent, {
      description: "Staff: contacts of this business as their access or details change, from any identity instance.",
      subscribe: ({ context }) => {
        const { businessId } = requireStaff((context as SubgraphContext).caller, "read");
        return deps.live.subscribe<ContactAccessMessage>(
          (message) => message.topic === CONTACT_ACCESS_TOPIC && message.businessId === businessId,
        );
      },
    })
    async contactAccessChanged(
      @Root() message: LiveMessage<ContactAccessMessage>,
      @Ctx() ctx: SubgraphContext,
    ): Promise<ContactAccessEvent> {
      // A fresh unit of work per event: the subscription's context lives as long as the socket.
      const contact = await findContact(forkFor(deps.orm, ctx.caller.businessId), message.data.contactId);
      if (!contact) throw new Error("Contact no longer exists");
      return Object.assign(new ContactAccessEvent(), {
        change: message.data.change as ContactAccessChange,
        contact: toContactView(contact),
      });
    }
  }
  return AccessResolver;
}
