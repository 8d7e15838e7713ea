import { type DeadLetterStatus as StoredStatus, requireOperator, type SubgraphContext, UserError } from "@portal/kit";
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { mapConnection } from "../shared/connections.js";
import type { IdentityDeps } from "../shared/deps.js";
import {
  type DeadLetterWithBusiness,
  discardPlatformDeadLetter,
  listPlatformDeadLetters,
  retryPlatformDeadLetter,
} from "./dead-letter.service.js";
import { DeadLetterConnection, DeadLetterListArgs, DeadLetterResult, DeadLetterSuccess, toDeadLetterView } from "./dead-letter.types.js";

const asResult = <E extends UserError>(result: DeadLetterWithBusiness | E): DeadLetterSuccess | E =>
  result instanceof UserError ? result : Object.assign(new DeadLetterSuccess(), { deadLetter: toDeadLetterView(result) });

/** Platform operators' view of every consumer's dead letters, and what they can do with one. */
@Resolver()
export class DeadLetterResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => DeadLetterConnection, { description: "Operator: events consumers gave up on, across the platform, newest failure first." })
  async deadLetters(@Args(() => DeadLetterListArgs) args: DeadLetterListArgs, @Ctx() ctx: SubgraphContext) {
    requireOperator(ctx.caller);
    const status = args.status ? (args.status.toLowerCase() as StoredStatus) : null;
    return mapConnection(
      await listPlatformDeadLetters(this.deps.orm, ctx.em, { first: args.first, after: args.after, status }),
      toDeadLetterView,
    );
  }

  @Mutation(() => DeadLetterResult, {
    description: "Operator: sends an open dead letter's event back to its consumer; it becomes RESOLVED once handled (never twice).",
  })
  async retryDeadLetter(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof DeadLetterResult> {
    requireOperator(ctx.caller);
    return asResult(await retryPlatformDeadLetter(this.deps.orm, ctx.em, this.deps.boss, id));
  }

  @Mutation(() => DeadLetterResult, {
    description: "Operator: marks an open dead letter as needing no handling; it stays listed as DISCARDED.",
  })
  async discardDeadLetter(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof DeadLetterResult> {
    requireOperator(ctx.caller);
    return asResult(await discardPlatformDeadLetter(this.deps.orm, ctx.em, id));
  }
}
