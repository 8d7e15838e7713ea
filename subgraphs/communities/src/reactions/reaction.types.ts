import { ConnectionType, NotFoundError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { CommunityReactionCount } from "../feed/post.types.js";
import { CommunityStateError } from "../groups/group.types.js";
import { CommunityReactionKind } from "../shared/enums.js";
import { CommunityPerson } from "../shared/person.types.js";

@ObjectType({ description: "Who gave a reaction, and when." })
export class CommunityReactor {
  @Field(() => CommunityPerson, { description: "The person." })
  person!: CommunityPerson;
  @Field(() => CommunityReactionKind, { description: "The reaction." })
  kind!: CommunityReactionKind;
  @Field(() => Date, { description: "When." })
  reactedAt!: Date;
}

export const CommunityReactorConnection = ConnectionType(CommunityReactor, "CommunityReactor");

@InputType({ description: "A reaction to a post or a comment." })
export class CommunityReactionInput {
  @Field(() => ID, { description: "The post or comment." })
  targetId!: string;
  @Field(() => CommunityReactionKind, { description: "The reaction." })
  kind!: CommunityReactionKind;
}

@ObjectType({ description: "The target's reactions after the change." })
export class CommunityReactionSuccess {
  @Field(() => ID, { description: "The post or comment." })
  targetId!: string;
  @Field(() => [CommunityReactionCount], { description: "Counts per kind." })
  reactions!: CommunityReactionCount[];
  @Field(() => [CommunityReactionKind], { description: "The caller's own reactions to it now." })
  viewerKinds!: CommunityReactionKind[];
}

export const CommunityReactionResult = createUnionType({
  name: "CommunityReactionResult",
  description: "Outcome of reacting or taking a reaction back (both are idempotent).",
  types: () => [CommunityReactionSuccess, NotFoundError, CommunityStateError] as const,
});
