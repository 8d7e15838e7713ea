import { UserError } from "@portal/kit";

/** The link is unknown, expired or already used. */
export class InvalidSignInLinkError extends UserError {
  static of(message = "This link has expired or was already used. Request a new one."): InvalidSignInLinkError {
    return Object.assign(new InvalidSignInLinkError(), { message });
  }
}
