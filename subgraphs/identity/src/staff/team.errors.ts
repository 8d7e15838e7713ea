import { UserError } from "@portal/kit";

/** The change would leave the business without an owner. */
export class LastOwnerError extends UserError {
  static of(message = "The business needs at least one owner. Make someone else an owner first."): LastOwnerError {
    return Object.assign(new LastOwnerError(), { message });
  }
}

/** Owners cannot remove themselves from the team. */
export class CannotRemoveSelfError extends UserError {
  static of(message = "You cannot remove yourself. Another owner can remove you."): CannotRemoveSelfError {
    return Object.assign(new CannotRemoveSelfError(), { message });
  }
}
