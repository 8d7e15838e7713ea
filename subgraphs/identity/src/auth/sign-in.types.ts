import { RateLimitedError, UserError, ValidationError } from "@portal/kit";
import { createUnionType, Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Viewer } from "../viewer/viewer.types.js";

export enum SignInAudience {
  CLIENT = "CLIENT",
  STAFF = "STAFF",
  OPERATOR = "OPERATOR",
}
registerEnumType(SignInAudience, { name: "SignInAudience", description: "Who is signing in: a client, a staff member or a platform operator." });

@InputType({ description: "Ask for a sign-in link by email." })
export class RequestSignInInput {
  @Field(() => String, { description: "Email address to send the link to." })
  email!: string;
  @Field(() => SignInAudience, { defaultValue: SignInAudience.CLIENT, description: "Which kind of account to sign in to." })
  audience!: SignInAudience;
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

@ObjectType({ implements: UserError, description: "The link is unknown, expired or already used." })
export class InvalidSignInLinkError extends UserError {
  static of(message = "This link has expired or was already used. Request a new one."): InvalidSignInLinkError {
    return Object.assign(new InvalidSignInLinkError(), { message });
  }
}

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
