import { errorType, RateLimitedError, ValidationError } from "@portal/kit";
import { createUnionType, Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { InvalidSignInLinkError } from "./sign-in.errors.js";
import { Viewer } from "../viewer/viewer.types.js";

export enum SignInAudience {
  CLIENT = "CLIENT",
  STAFF = "STAFF",
  OPERATOR = "OPERATOR",
}
registerEnumType(SignInAudience, {
  name: "SignInAudience",
  description: "Who is signing in: a client, a staff member or a platform operator.",
});

@InputType({ description: "Ask for a sign-in link by email." })
export class RequestSignInInput {
  @Field(() => String, { description: "Email address to send the link to." })
  email!: string;
  @Field(() => SignInAudience, { defaultValue: SignInAudience.CLIENT, description: "Which kind of account to sign in to." })
  audience!: SignInAudience;
  @Field(() => String, {
    nullable: true,
    description:
      "The page to open after signing in, e.g. `/invoices/<id>`: a path on this site starting with a single `/` (no `//`, `\\`, scheme or control characters, at most 500 characters), else a ValidationError naming `next`. The emailed link carries it to the confirm page.",
  })
  next?: string | null;
}

@InputType({ description: "The token from an emailed link." })
export class ConfirmSignInInput {
  @Field(() => String, { description: "Token from the link's `token` query parameter." })
  token!: string;
}

@ObjectType({ description: "The request was accepted. Identical whether or not the email is known." })
export class RequestSignInSuccess {
  @Field(() => String, { description: "What to tell the person." })
  message!: string;
}

@ObjectType({ description: "Signed in; the session cookie is set." })
export class SignInSuccess {
  @Field(() => Viewer, { description: "The person now signed in." })
  viewer!: Viewer;
}

errorType(InvalidSignInLinkError, { description: "The link is unknown, expired or already used." });
export { InvalidSignInLinkError };

@ObjectType({ description: "Signed out; the session cookie is cleared." })
export class SignOutSuccess {
  @Field(() => Boolean, { description: "Always true." })
  ok!: boolean;
}

export const RequestSignInResult = createUnionType({
  name: "RequestSignInResult",
  description: "Outcome of asking for a sign-in link.",
  types: () => [RequestSignInSuccess, RateLimitedError, ValidationError] as const,
});

export const ConfirmSignInResult = createUnionType({
  name: "ConfirmSignInResult",
  description: "Outcome of confirming a sign-in link.",
  types: () => [SignInSuccess, InvalidSignInLinkError] as const,
});

export const SignOutResult = createUnionType({
  name: "SignOutResult",
  description: "Outcome of signing out.",
  types: () => [SignOutSuccess] as const,
});
