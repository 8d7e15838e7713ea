import { ConnectionType, errorType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { CannotRemoveSelfError, LastOwnerError } from "./team.errors.js";
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

errorType(LastOwnerError, { description: "The change would leave the business without an owner." });
errorType(CannotRemoveSelfError, { description: "Owners cannot remove themselves from the team." });
export { CannotRemoveSelfError, LastOwnerError };

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
