import { NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, InputType, Int, ObjectType } from "type-graphql";
import { CommissionType } from "../shared/enums.js";

@ObjectType("AffiliateProgramme", {
  description: "The business's affiliate programme: its terms (clients who are affiliates read them too) and the sites links may point to.",
})
export class ProgrammeView {
  @Field(() => Boolean, { description: "The programme runs: clicks are counted, referrals recorded and conversions earn commissions." })
  enabled!: boolean;
  @Field(() => CommissionType, { description: "A percentage of what the referred client paid, or a fixed amount per conversion." })
  commissionType!: CommissionType;
  @Field(() => Int, { description: "For PERCENTAGE: the share in basis points, 0–10000 (2000 = 20 %)." })
  commissionBasisPoints!: number;
  @Field(() => Int, { description: "For FIXED: the amount per conversion, in minor units of `fixedCurrency`." })
  fixedAmount!: number;
  @Field(() => String, { description: "For FIXED: the currency of `fixedAmount` (ISO 4217)." })
  fixedCurrency!: string;
  @Field(() => Int, {
    nullable: true,
    description: "Null: only a referral's first paid invoice earns; N: their paid invoices within N months of the first also earn.",
  })
  recurringMonths!: number | null;
  @Field(() => Int, { description: "Days after the click (the referral) within which the first payment must come to earn (1–365)." })
  attributionWindowDays!: number;
  @Field(() => Int, { description: "Days a commission stays pending, so that a refund inside them cancels it (0–365)." })
  holdDays!: number;
  @Field(() => Int, { description: "Smallest payout, in minor units, applied per currency." })
  minimumPayout!: number;
  @Field(() => [String], {
    description:
      "Pages affiliates may link to (absolute http(s) URLs; a link may point at or below one). The portal itself is always allowed.",
  })
  allowedLandingUrls!: string[];
}

@InputType({ description: "The programme's settings (every field replaced; left out: unchanged)." })
export class AffiliateProgrammeInput {
  @Field(() => Boolean, { nullable: true, description: "Turn the programme on or off." })
  enabled?: boolean | null;
  @Field(() => CommissionType, { nullable: true, description: "PERCENTAGE or FIXED." })
  commissionType?: CommissionType | null;
  @Field(() => Int, { nullable: true, description: "0–10000 basis points (2000 = 20 %)." })
  commissionBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: "Minor units per conversion, 0–100000000." })
  fixedAmount?: number | null;
  @Field(() => String, { nullable: true, description: "ISO 4217 code of `fixedAmount`, e.g. USD." })
  fixedCurrency?: string | null;
  @Field(() => Int, { nullable: true, description: "1–120 months of recurring commissions; 0 for the first conversion only." })
  recurringMonths?: number | null;
  @Field(() => Int, { nullable: true, description: "1–365 days." })
  attributionWindowDays?: number | null;
  @Field(() => Int, { nullable: true, description: "0–365 days." })
  holdDays?: number | null;
  @Field(() => Int, { nullable: true, description: "Minor units, 0–100000000." })
  minimumPayout?: number | null;
  @Field(() => [String], { nullable: true, description: "Up to 20 absolute http(s) URLs of the business's own sites." })
  allowedLandingUrls?: string[] | null;
}

@ObjectType({ description: "The programme after the change." })
export class AffiliateProgrammeSuccess {
  @Field(() => ProgrammeView, { description: "The programme." })
  programme!: ProgrammeView;
}

export const AffiliateProgrammeResult = createUnionType({
  name: "AffiliateProgrammeResult",
  description: "Outcome of changing the programme's settings.",
  types: () => [AffiliateProgrammeSuccess, ValidationError, NotFoundError] as const,
});
