import { ConnectionArgs, mapConnection, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { feedPage } from "../feed/feed.service.js";
import { CommunityPostConnection } from "../feed/post.types.js";
import { viewerReactionsForPosts } from "../feed/viewer-reactions.js";
import { ownMembership } from "../members/member.service.js";
import { Batcher } from "../shared/batcher.js";
import { contactIdOf } from "../shared/access.js";
import { asResult } from "../shared/outcomes.js";
import { readersOf } from "../shared/readers.js";
import { groupView, membershipView, postView } from "../shared/views.js";
import { canModerate, groupAccess } from "./group-access.js";
import { createGroup, listGroups, removeGroupCover, setGroupArchived, updateGroup } from "./group.service.js";
import {
  CommunityGroupConnection,
  CommunityGroupInput,
  CommunityGroupResult,
  CommunityGroupSuccess,
  CommunityMembership,
  GroupView,
} from "./group.types.js";
import { unreadCounts } from "./unread.js";

@ArgsType()
class GroupListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Words in the name (case-insensitive)." })
  search?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Staff: include archived groups (default false)." })
  includeArchived?: boolean | null;
}

@ArgsType()
class FeedArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search in titles and bodies (words, "a phrase", -excluded), in the feed\'s order.',
  })
  search?: string | null;
}

const success = (group: Parameters<typeof groupView>[0]) => Object.assign(new CommunityGroupSuccess(), { group: groupView(group) });

const unreadBatchers = new WeakMap<object, Batcher<string, number>>();

/** Groups: staff manage them; members see the groups they belong to, with their feed and unread count. */
@Resolver(() => GroupView)
export class GroupResolver {
  @Query(() => CommunityGroupConnection, {
    description: "Staff (or a READ key): the business's groups; a contact: the groups they belong to (not archived). By name.",
  })
  async communityGroups(@Args(() => GroupListArgs) args: GroupListArgs, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    if (!contactIdOf(ctx.caller)) requireStaff(ctx.caller, "read");
    return mapConnection(await listGroups(ctx.em, ctx.caller, args), groupView);
  }

  @Query(() => GroupView, { nullable: true, description: "One group, for its members and the business's staff; null for anyone else." })
  async communityGroup(
    @Arg("id", () => ID, { description: "Group id." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<GroupView | null> {
    requireSignedIn(ctx.caller);
    const access = await groupAccess(ctx.em, ctx.caller, id);
    return access ? groupView(access.group) : null;
  }

  @Mutation(() => CommunityGroupResult, { description: "Staff: a new group (upload its cover to /files/communities/groups/<id>/cover)." })
  async createCommunityGroup(@Arg("input", () => CommunityGroupInput) input: CommunityGroupInput, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await createGroup(ctx.em, businessId, input), success);
  }

  @Mutation(() => CommunityGroupResult, { description: "Staff: change a group's name, description and privacy." })
  async updateCommunityGroup(
    @Arg("id", () => ID, { description: "Group id." }) id: string,
    @Arg("input", () => CommunityGroupInput) input: CommunityGroupInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await updateGroup(ctx.em, id, input), success);
  }

  @Mutation(() => CommunityGroupResult, {
    description: "Staff: archive a group: members no longer see it (their live feeds end); staff can restore it.",
  })
  async archiveCommunityGroup(@Arg("id", () => ID, { description: "Group id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await setGroupArchived(ctx.em, id, true), success);
  }

  @Mutation(() => CommunityGroupResult, { description: "Staff: restore an archived group." })
  async restoreCommunityGroup(@Arg("id", () => ID, { description: "Group id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await setGroupArchived(ctx.em, id, false), success);
  }

  @Mutation(() => CommunityGroupResult, { description: "Staff: take the group's cover image away." })
  async removeCommunityGroupCover(@Arg("id", () => ID, { description: "Group id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await removeGroupCover(ctx.em, id), success);
  }

  @FieldResolver(() => Int, { description: "How many members it has." })
  memberCount(@Root() group: GroupView, @Ctx() ctx: SubgraphContext) {
    return readersOf({}, ctx).memberCounts.load(group.id);
  }

  @FieldResolver(() => CommunityPostConnection, {
    description: "The feed: pinned posts first, then newest first (stable cursor: new posts never shift the pages being read).",
  })
  async feed(@Root() group: GroupView, @Args(() => FeedArgs) args: FeedArgs, @Ctx() ctx: SubgraphContext) {
    const access = await groupAccess(ctx.em, ctx.caller, group.id);
    if (!access) return emptyFeed();
    const page = await feedPage(ctx.em, access, args);
    const postIds = page.edges.map((edge) => edge.node.id);
    return Object.assign(new CommunityPostConnection(), {
      ...mapConnection(page, postView),
      postIds,
      viewerReactions: await viewerReactionsForPosts(ctx.em, group.businessId, access.person, postIds),
    });
  }

  @FieldResolver(() => CommunityMembership, { nullable: true, description: "The caller's own membership (a contact's); null for staff." })
  async membership(@Root() group: GroupView, @Ctx() ctx: SubgraphContext) {
    const member = await ownMembership(ctx.em, ctx.caller, group.id);
    return member ? membershipView(member) : null;
  }

  @FieldResolver(() => Int, { description: "Posts by others since the caller's last visit (0 for staff)." })
  async unreadCount(@Root() group: GroupView, @Ctx() ctx: SubgraphContext) {
    const contactId = contactIdOf(ctx.caller);
    if (!contactId) return 0;
    let batcher = unreadBatchers.get(ctx);
    if (!batcher) {
      batcher = new Batcher(
        (groupIds) => unreadCounts(ctx.em, group.businessId, contactId, groupIds),
        () => 0,
      );
      unreadBatchers.set(ctx, batcher);
    }
    return batcher.load(group.id);
  }

  @FieldResolver(() => Boolean, { description: "The caller may post and comment here (a member or a staff member, group not archived)." })
  async viewerCanPost(@Root() group: GroupView, @Ctx() ctx: SubgraphContext) {
    if (group.archived) return false;
    const access = await groupAccess(ctx.em, ctx.caller, group.id);
    return Boolean(access?.person);
  }

  @FieldResolver(() => Boolean, { description: "The caller moderates this group (staff)." })
  viewerCanModerate(@Ctx() ctx: SubgraphContext) {
    return canModerate(ctx.caller);
  }
}

function emptyFeed(): CommunityPostConnection {
  return Object.assign(new CommunityPostConnection(), {
    edges: [],
    totalCount: 0,
    postIds: [],
    viewerReactions: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  });
}
