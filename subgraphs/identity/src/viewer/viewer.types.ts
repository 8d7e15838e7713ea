import { Field, ObjectType, registerEnumType } from "type-graphql";
import { PublicBusiness } from "../business/business.types.js";
import { ContactView } from "../contacts/contact.types.js";
import { OperatorView, StaffView } from "../staff/staff.types.js";

export enum ViewerKind {
  ANONYMOUS = "ANONYMOUS",
  CONTACT = "CONTACT",
  STAFF = "STAFF",
  OPERATOR = "OPERATOR",
  API_KEY = "API_KEY",
}
registerEnumType(ViewerKind, { name: "ViewerKind", description: "Which kind of caller the viewer is." });

@ObjectType({ description: "The signed-in person; kind tells which of contact/staff/operator is set." })
export class Viewer {
  @Field(() => ViewerKind, { description: "Kind of caller." })
  kind!: ViewerKind;
  @Field(() => ContactView, { nullable: true, description: "The contact, when a client is signed in." })
  contact!: ContactView | null;
  @Field(() => StaffView, { nullable: true, description: "The staff member, when staff is signed in." })
  staff!: StaffView | null;
  @Field(() => OperatorView, { nullable: true, description: "The operator, when a platform operator is signed in." })
  operator!: OperatorView | null;
  @Field(() => PublicBusiness, { nullable: true, description: "The business of this portal, if any." })
  business!: PublicBusiness | null;
}
