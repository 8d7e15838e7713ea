import { ConnectionType, errorType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CommunityNotificationLevel } from "../shared/enums.js";
import { CommunityStateError } from "./group.errors.js";

@Directive(`@key(fields: "id")`)
@ObjectType("CommunityGroup", {
  description:
    "A private discussion group of the business: members (clients) post, comment and react; staff create it, add members and moderate.",
})
export class GroupView {
  @Field(() => ID, { description: "Group id." })
  id!: string;
  /** Not exposed: for field resolvers. */
  businessId!: string;
  @Field(() => String, { description: "Name, 1–100 characters." })
  name!: string;
  @Field(() => String, { description: "Description (plain text, may have line breaks; empty when none)." })
  description!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Path of the cover image through the gateway (`/files/communities/groups/<id>/cover/<image id>`: a new cover gets a new path), when one is set.",
  })
  coverImageUrl!: string | null;
  @Field(() => Boolean, { description: "Only members see it (every group is private to its members and the business's staff)." })
  private!: boolean;
  @Field(() => Boolean, { description: "Archived: hidden from members, read-only; staff can restore it." })
  archived!: boolean;
  @Field(() => Date, { nullable: true, description: "When staff archived it." })
  archivedAt!: Date | null;
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Date, { description: "When its name, description, cover or state last changed." })
  updatedAt!: Date;
}

export const CommunityGroupConnection = ConnectionType(GroupView, "CommunityGroup");

@ObjectType({ description: "The caller's own membership of a group (contacts only)." })
export class CommunityMembership {
  @Field(() => ID, { description: "The group." })
  groupId!: string;
  @Field(() => CommunityNotificationLevel, { description: "Which emails the member gets from this group." })
  notificationLevel!: CommunityNotificationLevel;
  @Field(() => Date, { description: "The member's last visit: posts after it count as unread." })
  lastVisitedAt!: Date;
  @Field(() => Date, { description: "When they joined." })
  joinedAt!: Date;
}

@InputType({ description: "What staff write on a new group or change on one (every field is replaced)." })
export class CommunityGroupInput {
  @Field(() => String, { description: "Name, 1–100 characters." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Description, at most 2000 characters." })
  @Multiline()
  description?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Members only; default true." })
  private?: boolean | null;
}

errorType(CommunityStateError, {
  description: "The group, post or comment does not allow this now (an archived group, closed comments, a removed post).",
});
export { CommunityStateError };

@ObjectType({ description: "The group after the change." })
export class CommunityGroupSuccess {
  @Field(() => GroupView, { description: "The group." })
  group!: GroupView;
}

export const CommunityGroupResult = createUnionType({
  name: "CommunityGroupResult",
  description: "Outcome of a change to a group.",
  types: () => [CommunityGroupSuccess, ValidationError, NotFoundError, CommunityStateError] as const,
});

@ObjectType({ description: "The contact's communities at a glance, for the dashboard card." })
export class CommunitySummary {
  @Field(() => Boolean, { description: "Whether the contact belongs to any group that is not archived (hide the card when false)." })
  hasGroups!: boolean;
  @Field(() => Int, { description: "Groups the contact belongs to (not archived)." })
  groupCount!: number;
  @Field(() => Int, { description: "Posts by others since the contact's last visit, across their groups." })
  unreadCount!: number;
}
