import { ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { CommunityStateError } from "../groups/group.types.js";
import { GroupView, CommunityMembership } from "../groups/group.types.js";
import { CommunityPerson } from "../shared/person.types.js";

@ObjectType({ description: "A member of a group (a client of the business)." })
export class CommunityMember {
  @Field(() => ID, { description: "Membership id." })
  id!: string;
  @Field(() => ID, { description: "The contact." })
  contactId!: string;
  @Field(() => CommunityPerson, { description: "Name and initials, for lists and @mentions." })
  person!: CommunityPerson;
  @Field(() => Date, { description: "When they joined." })
  joinedAt!: Date;
}

export const CommunityMemberConnection = ConnectionType(CommunityMember, "CommunityMember");

@ObjectType({ description: "The contacts are members of the group now." })
export class CommunityMembersSuccess {
  @Field(() => GroupView, { description: "The group." })
  group!: GroupView;
  @Field(() => [CommunityMember], { description: "The members added (contacts already members are left as they were)." })
  added!: CommunityMember[];
}

export const AddCommunityMembersResult = createUnionType({
  name: "AddCommunityMembersResult",
  description: "Outcome of adding contacts to a group.",
  types: () => [CommunityMembersSuccess, ValidationError, NotFoundError, CommunityStateError] as const,
});

@ObjectType({ description: "The contact is no longer a member; their open feed subscriptions ended." })
export class RemoveCommunityMemberSuccess {
  @Field(() => GroupView, { description: "The group." })
  group!: GroupView;
  @Field(() => ID, { description: "The contact removed." })
  contactId!: string;
}

export const RemoveCommunityMemberResult = createUnionType({
  name: "RemoveCommunityMemberResult",
  description: "Outcome of removing a member.",
  types: () => [RemoveCommunityMemberSuccess, NotFoundError] as const,
});

@ObjectType({ description: "The caller left the group." })
export class LeaveCommunityGroupSuccess {
  @Field(() => ID, { description: "The group left." })
  groupId!: string;
}

export const LeaveCommunityGroupResult = createUnionType({
  name: "LeaveCommunityGroupResult",
  description: "Outcome of leaving a group.",
  types: () => [LeaveCommunityGroupSuccess, NotFoundError] as const,
});

@ObjectType({ description: "The caller's membership after the change." })
export class CommunityMembershipSuccess {
  @Field(() => CommunityMembership, { description: "The membership." })
  membership!: CommunityMembership;
}

export const CommunityMembershipResult = createUnionType({
  name: "CommunityMembershipResult",
  description: "Outcome of changing one's own membership (notification preference, last visit).",
  types: () => [CommunityMembershipSuccess, NotFoundError] as const,
});
