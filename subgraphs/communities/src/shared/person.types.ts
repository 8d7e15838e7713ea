import { Field, ID, ObjectType } from "type-graphql";
import { CommunityPersonKind } from "./enums.js";

@ObjectType({
  description:
    "Someone who writes in a group: a client (member) or a staff member, as the communities section knows them from identity. The same for every reader.",
})
export class CommunityPerson {
  @Field(() => ID, { description: "The contact's or staff member's id." })
  id!: string;
  @Field(() => CommunityPersonKind, { description: "Client or staff." })
  kind!: CommunityPersonKind;
  @Field(() => String, { description: 'Display name ("Former member" when no longer known).' })
  name!: string;
  @Field(() => String, { description: "One or two initials, for an avatar placeholder." })
  initials!: string;
  @Field(() => String, { nullable: true, description: "Avatar image URL, when the person has one." })
  avatarUrl!: string | null;
  @Field(() => Boolean, { description: "Staff of the business (shown with a badge)." })
  isStaff!: boolean;
}
