import { NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { AffiliateStateError, NotAnAffiliateError } from "../shared/error.types.js";
import { MoneyAmount } from "../shared/money.js";

@ObjectType("ReferralLink", { description: "A referral link (`<portal>/r/<code>`) and what it brought in." })
export class ReferralLinkView {
  @Field(() => ID, { description: "Link id." })
  id!: string;
  /** Not exposed: whose link it is. */
  affiliateId!: string;
  @Field(() => String, { description: "The code in the link: random for the default link, the affiliate's slug for others." })
  code!: string;
  @Field(() => String, { description: "The link to share: `<portal>/r/<code>`." })
  url!: string;
  @Field(() => String, { description: "Where a visitor lands (with `ref=<code>` added)." })
  landingUrl!: string;
  @Field(() => Boolean, { description: "The affiliate's default link (cannot be deleted)." })
  isDefault!: boolean;
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Int, { description: "Visitors counted (one a day per visitor; bots not counted)." })
  clicks!: number;
  @Field(() => Int, { description: "Contacts who arrived through it." })
  referrals!: number;
  @Field(() => Int, { description: "Paid invoices of those contacts that earned a commission (cancelled ones not counted)." })
  conversions!: number;
  @Field(() => [MoneyAmount], {
    description: "Commissions earned through it, per currency (pending, approved and paid, adjustments included).",
  })
  earnings!: MoneyAmount[];
}

@InputType({ description: "A campaign link." })
export class CreateReferralLinkInput {
  @Field(() => ID, { nullable: true, description: "Staff: whose link. A client makes links for themself only (leave it out)." })
  affiliateId?: string | null;
  @Field(() => String, { description: "The code: 3–40 lower-case letters, digits and hyphens, unique in the business." })
  slug!: string;
  @Field(() => String, { description: "A page on one of the programme's allowed sites (or the portal)." })
  landingUrl!: string;
}

@ObjectType({ description: "The link after the change." })
export class ReferralLinkSuccess {
  @Field(() => ReferralLinkView, { description: "The link." })
  link!: ReferralLinkView;
}

export const ReferralLinkResult = createUnionType({
  name: "ReferralLinkResult",
  description: "Outcome of creating or deleting a referral link.",
  types: () => [ReferralLinkSuccess, ValidationError, NotFoundError, AffiliateStateError, NotAnAffiliateError] as const,
});
