import { ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { AffiliateView } from "../affiliates/affiliate.types.js";
import { AffiliateStateError } from "../shared/error.types.js";

@ObjectType("Referral", { description: "A contact who arrived through an affiliate (their link, or staff's choice on the contact)." })
export class ReferralView {
  @Field(() => ID, { description: "Referral id." })
  id!: string;
  @Field(() => String, {
    description: "Who it is: for the affiliate a first name and masked email (`Sam (s•••@example.com)`); for staff the name and email.",
  })
  label!: string;
  @Field(() => ID, { nullable: true, description: "Staff: the referred contact's id; null for the affiliate." })
  contactId!: string | null;
  @Field(() => AffiliateView, { description: "Who referred them." })
  affiliate!: AffiliateView;
  @Field(() => String, { nullable: true, description: "The link's code they arrived through; null when staff chose the affiliate." })
  linkCode!: string | null;
  @Field(() => Date, { description: "When they arrived (or staff attributed them)." })
  referredAt!: Date;
  @Field(() => Boolean, { description: "A paid invoice of theirs earned a commission." })
  converted!: boolean;
}

export const ReferralConnection = ConnectionType(ReferralView, "Referral");

@ObjectType({ description: "The contact's referral after the change; null when staff removed it." })
export class ReferralSuccess {
  @Field(() => ReferralView, { nullable: true, description: "The referral, or null when removed." })
  referral!: ReferralView | null;
}

export const ReferralResult = createUnionType({
  name: "ReferralResult",
  description: "Outcome of choosing (or removing) who referred a contact.",
  types: () => [ReferralSuccess, ValidationError, NotFoundError, AffiliateStateError] as const,
});
