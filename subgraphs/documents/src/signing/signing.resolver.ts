import { requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { asDocumentResult } from "../documents/document-outcomes.js";
import { DeclineDocumentInput, SignDocumentInput } from "../documents/document.inputs.js";
import { DocumentResult } from "../documents/document.types.js";
import { SignatureConsent } from "../documents/document.types.js";
import { CONSENT } from "./consent.js";
import { declineDocument } from "./decline.service.js";
import type { Sealer } from "./completion.js";
import { signDocument } from "./sign.service.js";
import { viewDocument } from "./view.service.js";

/** Recipients (a contact, or a staff counter-signer) viewing, signing, approving or declining. */
export function signingResolver(sealer: Sealer) {
  @Resolver()
  class SigningResolver {
    @Query(() => SignatureConsent, { description: "The electronic-signature consent to show before signing, with its version." })
    signatureConsent(): SignatureConsent {
      return Object.assign(new SignatureConsent(), CONSENT);
    }

    @Mutation(() => DocumentResult, { description: "Recipient: records that they opened the document (VIEWED, once per recipient)." })
    async viewDocument(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof DocumentResult> {
      requireSignedIn(ctx.caller);
      return asDocumentResult(ctx, await viewDocument(ctx.em, ctx.caller, id));
    }

    @Mutation(() => DocumentResult, {
      description:
        "Recipient whose turn it is: signs (SIGNER) or approves (APPROVER) with the accepted consent; the last one completes the document.",
    })
    async signDocument(
      @Arg("input", () => SignDocumentInput) input: SignDocumentInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof DocumentResult> {
      requireSignedIn(ctx.caller);
      return asDocumentResult(ctx, await signDocument(ctx.em, ctx.caller, input, sealer));
    }

    @Mutation(() => DocumentResult, { description: "Recipient whose turn it is: declines with a reason; the document stops (DECLINED)." })
    async declineDocument(
      @Arg("input", () => DeclineDocumentInput) input: DeclineDocumentInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof DocumentResult> {
      requireSignedIn(ctx.caller);
      return asDocumentResult(ctx, await declineDocument(ctx.em, ctx.caller, input));
    }
  }
  return SigningResolver;
}
