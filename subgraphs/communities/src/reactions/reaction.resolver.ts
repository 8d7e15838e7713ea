import { requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { CommunityReactionKind, ReactionKindValue } from "../shared/enums.js";
import { REACTION_KINDS } from "../shared/enums.js";
import { asResult } from "../shared/outcomes.js";
import { countOf } from "../shared/readers.js";
import { type ReactionOutcome, setReaction } from "./reaction.service.js";
import { CommunityReactionInput, CommunityReactionResult, CommunityReactionSuccess } from "./reaction.types.js";

const success = (outcome: ReactionOutcome) =>
  Object.assign(new CommunityReactionSuccess(), {
    targetId: outcome.targetId,
    reactions: REACTION_KINDS.filter((kind) => outcome.counts.has(kind)).map((kind) => countOf(kind, outcome.counts.get(kind)!)),
    viewerKinds: REACTION_KINDS.filter((kind) => outcome.mine.includes(kind)).map((kind) => kind.toUpperCase() as CommunityReactionKind),
  });

@Resolver()
export class ReactionResolver {
  @Mutation(() => CommunityReactionResult, {
    description: "A member (or staff) reacts to a post or comment; reacting twice with a kind counts once.",
  })
  async addCommunityReaction(@Arg("input", () => CommunityReactionInput) input: CommunityReactionInput, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    return asResult(await setReaction(ctx.em, ctx.caller, input.targetId, input.kind.toLowerCase() as ReactionKindValue, true), success);
  }

  @Mutation(() => CommunityReactionResult, { description: "Takes one's reaction of a kind back (nothing happens when there was none)." })
  async removeCommunityReaction(@Arg("input", () => CommunityReactionInput) input: CommunityReactionInput, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    return asResult(await setReaction(ctx.em, ctx.caller, input.targetId, input.kind.toLowerCase() as ReactionKindValue, false), success);
  }
}
