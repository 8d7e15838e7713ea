import { ConnectionType, NotFoundError, UserError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { EmailTakenError } from "../contacts/contact.types.js";
import { StaffRole, StaffView } from "./staff.types.js";

export const StaffConnection = ConnectionType(StaffView, "Staff");

@InputType({ description: "A new team member; they receive a sign-in link by email." })
export class InviteStaffInput {
  @Field(() => String, { description: "Full name." })
  name!: string;
  @Field(() => String, { description: "Email address they will sign in with; unique within the team (case-insensitive)." })
  email!: string;
  @Field(() => StaffRole, { description: "Owner or staff." })
  role!: StaffRole;
}

@ObjectType({ description: "The team member after the change." })
export class StaffSuccess {
  @Field(() => StaffView, { description: "The team member." })
  staff!: StaffView;
}

@ObjectType({ description: "The team member was removed and their sessions ended." })
export class RemoveStaffSuccess {
  @Field(() => ID, { description: "Id of the removed team member." })
  removedStaffId!: string;
}

@ObjectType({ implements: UserError, description: "The change would leave the business without an owner." })
export class LastOwnerError extends UserError {
  static of(message = "The business needs at least one owner. Make someone else an owner first."): LastOwnerError {
    return Object.assign(new LastOwnerError(), { message });
  }
}

@ObjectType({ implements: UserError, description: "Owners cannot remove themselves from the team." })
export class CannotRemoveSelfError extends UserError {
  static of(message = "You cannot remove yourself. Another owner can remove you."): CannotRemoveSelfError {
    return Object.assign(new CannotRemoveSelfError(), { message });
  }
}

export const StaffResult = createUnionType({
  name: "StaffResult",
  description: "Outcome of inviting a team member.",
  types: () => [StaffSuccess, ValidationError, EmailTakenError] as const,
});

export const UpdateStaffRoleResult = createUnionType({
  name: "UpdateStaffRoleResult",
  description: "Outcome of changing a team member's role.",
  types: () => [StaffSuccess, NotFoundError, LastOwnerError] as const,
});

export const RemoveStaffResult = createUnionType({
  name: "RemoveStaffResult",
  description: "Outcome of removing a team member.",
  types: () => [RemoveStaffSuccess, NotFoundError, LastOwnerError, CannotRemoveSelfError] as const,
});
