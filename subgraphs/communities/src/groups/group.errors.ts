import { UserError } from "@portal/kit";

/** The group, post or comment is in a state that does not allow this (archived group, closed comments, removed post). */
export class CommunityStateError extends UserError {
  static of(message: string): CommunityStateError {
    return Object.assign(new CommunityStateError(), { message });
  }
}
