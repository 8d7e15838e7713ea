import type { SubgraphContext } from "@portal/kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { IdentityDeps } from "../shared/deps.js";
import { loadViewer } from "../viewer/viewer.service.js";
import { toViewer } from "../viewer/viewer.resolver.js";
import { confirmSignIn, requestSignIn, signOut, SIGN_IN_REQUESTED_MESSAGE, type SignInSettings } from "./sign-in.service.js";
import {
  ConfirmSignInInput,
  ConfirmSignInResult,
  InvalidSignInLinkError,
  RequestSignInInput,
  RequestSignInResult,
  RequestSignInSuccess,
  SignInSuccess,
  SignOutResult,
  SignOutSuccess,
} from "./sign-in.types.js";
import type { Audience } from "./sign-in-token.entity.js";

export const SET_SESSION_HEADER = "x-portal-set-session";
export const CLEAR_SESSION_HEADER = "x-portal-clear-session";

@Resolver()
export class SignInResolver {
  constructor(private readonly deps: IdentityDeps) {}

  private get settings(): SignInSettings {
    return { sessionTtlDays: this.deps.options.sessionTtlDays };
  }

  @Mutation(() => RequestSignInResult, {
    description: "Emails a single-use sign-in link (15 minutes). The success answer is identical for unknown emails.",
  })
  async requestSignIn(
    @Arg("input", () => RequestSignInInput) input: RequestSignInInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof RequestSignInResult> {
    const result = await requestSignIn({ limiter: this.deps.limiter, boss: this.deps.boss }, ctx.caller, {
      email: input.email,
      audience: input.audience.toLowerCase() as Audience,
      next: input.next,
    });
    return result === "sent" ? Object.assign(new RequestSignInSuccess(), { message: SIGN_IN_REQUESTED_MESSAGE }) : result;
  }

  @Mutation(() => ConfirmSignInResult, {
    description: "Signs in with the token from an emailed link (the confirm page's POST) and sets the session cookie.",
  })
  async confirmSignIn(
    @Arg("input", () => ConfirmSignInInput) input: ConfirmSignInInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof ConfirmSignInResult> {
    const signedIn = await confirmSignIn(ctx.em, this.settings, ctx.caller, input.token);
    if (!signedIn) return InvalidSignInLinkError.of();
    ctx.setResponseHeader(SET_SESSION_HEADER, `${signedIn.token};${signedIn.maxAgeSeconds}`);
    const viewer = await loadViewer(ctx.em, ctx.caller.businessId, signedIn.actor);
    return Object.assign(new SignInSuccess(), { viewer: toViewer(viewer) });
  }

  @Mutation(() => SignOutResult, { description: "Ends the current session and clears the session cookie." })
  async signOut(@Ctx() ctx: SubgraphContext): Promise<typeof SignOutResult> {
    await signOut(ctx.em, ctx.caller);
    ctx.setResponseHeader(CLEAR_SESSION_HEADER, "1");
    return Object.assign(new SignOutSuccess(), { ok: true });
  }
}
