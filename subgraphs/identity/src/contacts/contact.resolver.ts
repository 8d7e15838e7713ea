import { ConnectionArgs, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { openSessionsOf } from "../auth/session.service.js";
import { SessionView, toSessionView } from "../auth/session.types.js";
import { mapConnection } from "../shared/connections.js";
import { Contact, type AccessStatus } from "./contact.entity.js";
import { createContact, findContact, listContacts, updateContact } from "./contact.service.js";
import {
  ContactConnection,
  ContactInput,
  ContactResult,
  ContactSuccess,
  ContactView,
  PortalAccessStatus,
  toContactView,
} from "./contact.types.js";

@ArgsType()
class ContactListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Matches name or email, case-insensitive, anywhere in the text." })
  search?: string | null;
  @Field(() => PortalAccessStatus, { nullable: true, description: "Only contacts with this access status." })
  accessStatus?: PortalAccessStatus | null;
}

function asContactResult(result: Awaited<ReturnType<typeof updateContact>>): typeof ContactResult {
  return result instanceof Contact ? Object.assign(new ContactSuccess(), { contact: toContactView(result) }) : result;
}

@Resolver(() => ContactView)
export class ContactResolver {
  @Query(() => ContactConnection, { description: "Staff: the business's contacts by name, with access status and last login." })
  async contacts(@Args(() => ContactListArgs) args: ContactListArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    const page = await listContacts(ctx.em, {
      ...args,
      accessStatus: args.accessStatus ? (args.accessStatus.toLowerCase() as AccessStatus) : null,
    });
    return mapConnection(page, toContactView);
  }

  @Query(() => ContactView, { nullable: true, description: "Staff: one contact of the business." })
  async contact(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ContactView | null> {
    requireStaff(ctx.caller, "read");
    const contact = await findContact(ctx.em, id);
    return contact && toContactView(contact);
  }

  @Mutation(() => ContactResult, { description: "Staff: adds a contact (no portal access until invited)." })
  async createContact(@Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: SubgraphContext): Promise<typeof ContactResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asContactResult(await createContact(ctx.em, businessId, input));
  }

  @Mutation(() => ContactResult, { description: "Staff: edits a contact." })
  async updateContact(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ContactInput) input: ContactInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof ContactResult> {
    requireStaff(ctx.caller, "write");
    return asContactResult(await updateContact(ctx.em, id, input));
  }

  @FieldResolver(() => [SessionView], { description: "Staff only: the contact's open sessions, most recently active first." })
  async sessions(@Root() contact: ContactView, @Ctx() ctx: SubgraphContext): Promise<SessionView[]> {
    requireStaff(ctx.caller, "read");
    const sessions = await openSessionsOf(ctx.em, "contact", contact.id);
    return sessions.map((session) => toSessionView(session, ctx.caller.actor.sessionId));
  }
}
