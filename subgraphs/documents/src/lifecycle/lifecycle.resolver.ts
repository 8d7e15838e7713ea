import { MultilineArgs, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { asDocumentResult } from "../documents/document-outcomes.js";
import { DocumentResult } from "../documents/document.types.js";
import { remindDocument } from "./remind.service.js";
import { sendDocument } from "./send.service.js";
import { voidDocument } from "./void.service.js";

/** Staff moving a document along: send, void, remind. */
@Resolver()
export class LifecycleResolver {
  @Mutation(() => DocumentResult, { description: "Staff: sends a draft; the recipients whose turn it is get a signature request." })
  async sendDocument(
    @Arg("id", () => ID) id: string,
    @Arg("inviteToPortal", () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: "Also invite contacts without portal access to the portal (default true).",
    })
    inviteToPortal: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await sendDocument(ctx.em, ctx.caller, id, inviteToPortal !== false));
  }

  @Mutation(() => DocumentResult, { description: "Staff: voids a sent document that is not completed; nobody can act on it any more." })
  @MultilineArgs("reason")
  async voidDocument(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { description: "Why, 1–1000 characters." }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof DocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await voidDocument(ctx.em, ctx.caller, id, reason));
  }

  @Mutation(() => DocumentResult, {
    description: "Staff: emails a reminder to the recipients whose turn it is now (REMINDED in the audit trail).",
  })
  async remindDocument(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof DocumentResult> {
    requireStaff(ctx.caller, "write");
    return asDocumentResult(ctx, await remindDocument(ctx.em, ctx.caller, id));
  }
}
