import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { Operator } from "./operator.entity.js";
import type { Staff, StaffRoleValue } from "./staff.entity.js";

export enum StaffRole {
  OWNER = "OWNER",
  STAFF = "STAFF",
}
registerEnumType(StaffRole, {
  name: "StaffRole",
  description: "What a staff member may do in their business.",
  valuesConfig: {
    OWNER: { description: "Everything staff can do, plus managing the team." },
    STAFF: { description: "Works with contacts, settings, templates and API keys; cannot manage the team." },
  },
});

@Directive(`@key(fields: "id")`)
@ObjectType("Staff", { description: "A member of the business's team." })
export class StaffView {
  @Field(() => ID, { description: "Staff id." })
  id!: string;
  @Field(() => String, { description: "Full name." })
  name!: string;
  @Field(() => String, { description: "Email address used to sign in." })
  email!: string;
  @Field(() => StaffRole, { description: "Owner or staff." })
  role!: StaffRole;
  @Field(() => Date, { description: "When they joined the team." })
  createdAt!: Date;
}

@ObjectType("Operator", { description: "A platform operator, who manages businesses, branding and host names." })
export class OperatorView {
  @Field(() => ID, { description: "Operator id." })
  id!: string;
  @Field(() => String, { description: "Name." })
  name!: string;
  @Field(() => String, { description: "Email address used to sign in." })
  email!: string;
}

export function toStaffView(staff: Staff): StaffView {
  const { id, name, email, createdAt } = staff;
  return Object.assign(new StaffView(), { id, name, email, role: toStaffRole(staff.role), createdAt });
}

export function toStaffRole(role: StaffRoleValue): StaffRole {
  return role === "owner" ? StaffRole.OWNER : StaffRole.STAFF;
}

export function toStaffRoleValue(role: StaffRole): StaffRoleValue {
  return role === StaffRole.OWNER ? "owner" : "staff";
}

export function toOperatorView(operator: Operator): OperatorView {
  return Object.assign(new OperatorView(), { id: operator.id, name: operator.name, email: operator.email });
}
