import type { SubgraphContext } from "@portal/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { ConfirmSignInInput, InvalidSignInLinkError } from "../auth/sign-in.types.js";
import { Contact } from "../contacts/contact.entity.js";
import { toContactView } from "../contacts/contact.types.js";
import { linkSettingsOf } from "../options.js";
import type { IdentityDeps } from "../shared/deps.js";
import { requireActiveContact } from "../shared/guards.js";
import { confirmEmailChange, requestEmailChange, updateProfile } from "./profile.service.js";
import { EmailChangeInput, EmailChangeRequested, EmailChangeResult, ProfileInput, ProfileResult, ProfileSuccess } from "./profile.types.js";

const asProfileResult = <E>(result: Contact | E) =>
  result instanceof Contact ? Object.assign(new ProfileSuccess(), { contact: toContactView(result) }) : result;

@Resolver()
export class ProfileResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Mutation(() => ProfileResult, { description: "Contact: edits their own name and phone." })
  async updateProfile(@Arg("input", () => ProfileInput) input: ProfileInput, @Ctx() ctx: SubgraphContext): Promise<typeof ProfileResult> {
    const contact = await requireActiveContact(ctx.em, ctx.caller);
    return asProfileResult(await updateProfile(ctx.em, contact.id, input));
  }

  @Mutation(() => EmailChangeResult, {
    description: "Contact: sends a confirmation link to a new email address; the change applies once confirmed.",
  })
  async requestEmailChange(
    @Arg("input", () => EmailChangeInput) input: EmailChangeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof EmailChangeResult> {
    const contact = await requireActiveContact(ctx.em, ctx.caller);
    const result = await requestEmailChange(ctx.em, linkSettingsOf(this.deps.options), contact.id, input.newEmail);
    if (typeof result !== "string") return result;
    return Object.assign(new EmailChangeRequested(), {
      newEmail: result,
      message: `We sent a confirmation link to ${result}. Your email changes once you open it.`,
    });
  }

  @Mutation(() => ProfileResult, { description: "Applies an email change with the token from the confirmation email." })
  async confirmEmailChange(
    @Arg("input", () => ConfirmSignInInput) input: ConfirmSignInInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof ProfileResult> {
    const result = await confirmEmailChange(ctx.em, ctx.caller, input.token);
    return result === null ? InvalidSignInLinkError.of() : asProfileResult(result);
  }
}
