import { ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import { NotAnAffiliateError } from "../shared/error.types.js";
import { AffiliateStatus } from "../shared/enums.js";

@Directive(`@key(fields: "id")`)
@ObjectType("Affiliate", { description: "A contact of the business who earns commissions on the clients they refer." })
export class AffiliateView {
  @Field(() => ID, { description: "Affiliate id." })
  id!: string;
  /** Not exposed: for scoping. */
  businessId!: string;
  @Field(() => ID, { description: "The affiliate's contact id." })
  contactId!: string;
  @Field(() => String, { description: "The contact's name." })
  name!: string;
  @Field(() => String, { description: "The contact's email address." })
  email!: string;
  /** Not exposed: for emails. */
  firstName!: string;
  @Field(() => AffiliateStatus, { description: "ACTIVE, or REMOVED by staff." })
  status!: AffiliateStatus;
  @Field(() => Date, { description: "When they became an affiliate." })
  createdAt!: Date;
}

export const AffiliateConnection = ConnectionType(AffiliateView, "Affiliate");

@ObjectType({ description: "The affiliate after the change." })
export class AffiliateSuccess {
  @Field(() => AffiliateView, { description: "The affiliate." })
  affiliate!: AffiliateView;
}

export const AffiliateResult = createUnionType({
  name: "AffiliateResult",
  description: "Outcome of making or removing an affiliate.",
  types: () => [AffiliateSuccess, ValidationError, NotFoundError, NotAnAffiliateError] as const,
});
