import { ConnectionArgs, mapConnection, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { groupAccess } from "../groups/group-access.js";
import { GroupView } from "../groups/group.types.js";
import { CommunityNotificationLevel, type NotificationLevelValue } from "../shared/enums.js";
import { uuidArray } from "../shared/ids.js";
import { asResult } from "../shared/outcomes.js";
import { personView } from "../shared/people.js";
import { groupView, membershipView } from "../shared/views.js";
import type { GroupMember } from "./member.entity.js";
import { addMembers, leaveGroup, listMembers, markVisited, removeMember, setNotificationLevel } from "./member.service.js";
import {
  AddCommunityMembersResult,
  CommunityMember,
  CommunityMemberConnection,
  CommunityMembershipResult,
  CommunityMembershipSuccess,
  CommunityMembersSuccess,
  LeaveCommunityGroupResult,
  LeaveCommunityGroupSuccess,
  RemoveCommunityMemberResult,
  RemoveCommunityMemberSuccess,
} from "./member.types.js";

@ArgsType()
class MemberListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Part of the name (case-insensitive), e.g. for @mention suggestions." })
  search?: string | null;
}

const memberView = (member: GroupMember, name: string) =>
  Object.assign(new CommunityMember(), {
    id: member.id,
    contactId: member.contactId,
    person: personView("contact", member.contactId, name || null),
    joinedAt: member.joinedAt,
  });

const membershipSuccess = (member: GroupMember) => Object.assign(new CommunityMembershipSuccess(), { membership: membershipView(member) });

/** Membership: staff add and remove contacts; a member leaves, chooses their emails and marks the group read. */
@Resolver(() => GroupView)
export class MemberResolver {
  @FieldResolver(() => CommunityMemberConnection, { description: "Members by name (for members of the group and staff)." })
  async members(@Root() group: GroupView, @Args(() => MemberListArgs) args: MemberListArgs, @Ctx() ctx: SubgraphContext) {
    const access = await groupAccess(ctx.em, ctx.caller, group.id);
    if (!access)
      return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
    return mapConnection(await listMembers(ctx.em, access.group, args), (node) => memberView(node.member, node.name));
  }

  @Mutation(() => AddCommunityMembersResult, {
    description:
      "Staff: add contacts to a group (already members are left alone). Contacts without portal access are invited to the portal unless inviteToPortal is false.",
  })
  async addCommunityMembers(
    @Arg("groupId", () => ID, { description: "Group id." }) groupId: string,
    @Arg("contactIds", () => [ID], { description: "Contacts of the business, at most 100." }) contactIds: string[],
    @Arg("inviteToPortal", () => Boolean, { defaultValue: true, description: "Invite contacts who have no portal access yet." })
    inviteToPortal: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof AddCommunityMembersResult> {
    requireStaff(ctx.caller, "write");
    const outcome = await addMembers(ctx.em, groupId, contactIds, inviteToPortal);
    if (!("added" in outcome)) return outcome;
    const names = await ctx.em
      .getConnection()
      .execute<{ contact_id: string; name: string }[]>(
        `select contact_id, name from communities.known_contact where business_id = ? and contact_id = any(?::uuid[])`,
        [outcome.group.businessId, uuidArray(outcome.added.map((member) => member.contactId))],
      );
    const byId = new Map(names.map((row) => [row.contact_id, row.name]));
    return Object.assign(new CommunityMembersSuccess(), {
      group: groupView(outcome.group),
      added: outcome.added.map((member) => memberView(member, byId.get(member.contactId) ?? "")),
    });
  }

  @Mutation(() => RemoveCommunityMemberResult, { description: "Staff: remove a member; their access, feed and live updates end at once." })
  async removeCommunityMember(
    @Arg("groupId", () => ID, { description: "Group id." }) groupId: string,
    @Arg("contactId", () => ID, { description: "The member's contact id." }) contactId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof RemoveCommunityMemberResult> {
    requireStaff(ctx.caller, "write");
    return asResult(await removeMember(ctx.em, groupId, contactId), (group) =>
      Object.assign(new RemoveCommunityMemberSuccess(), { group: groupView(group), contactId }),
    );
  }

  @Mutation(() => LeaveCommunityGroupResult, { description: "A member leaves a group." })
  async leaveCommunityGroup(@Arg("groupId", () => ID, { description: "Group id." }) groupId: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    return asResult(await leaveGroup(ctx.em, ctx.caller, groupId), (id) =>
      Object.assign(new LeaveCommunityGroupSuccess(), { groupId: id }),
    );
  }

  @Mutation(() => CommunityMembershipResult, { description: "A member chooses which emails this group sends them." })
  async setCommunityNotificationLevel(
    @Arg("groupId", () => ID, { description: "Group id." }) groupId: string,
    @Arg("level", () => CommunityNotificationLevel, { description: "ALL, REPLIES_AND_MENTIONS or OFF." }) level: CommunityNotificationLevel,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireSignedIn(ctx.caller);
    return asResult(
      await setNotificationLevel(ctx.em, ctx.caller, groupId, level.toLowerCase() as NotificationLevelValue),
      membershipSuccess,
    );
  }

  @Mutation(() => CommunityMembershipResult, {
    description: "A member opened the group: what was posted until now no longer counts as unread.",
  })
  async markCommunityGroupVisited(@Arg("groupId", () => ID, { description: "Group id." }) groupId: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    return asResult(await markVisited(ctx.em, ctx.caller, groupId), membershipSuccess);
  }
}
