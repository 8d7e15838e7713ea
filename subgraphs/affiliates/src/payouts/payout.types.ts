import { ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import { AffiliateView } from "../affiliates/affiliate.types.js";
import { AffiliateStateError, BelowMinimumPayoutError } from "../shared/error.types.js";

@ObjectType("AffiliatePayout", { description: "Money staff sent an affiliate, settling their approved commissions of one currency." })
export class PayoutView {
  @Field(() => ID, { description: "Payout id." })
  id!: string;
  @Field(() => AffiliateView, { description: "Who was paid." })
  affiliate!: AffiliateView;
  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
  @Field(() => Int, { description: "Amount paid, in minor units." })
  amount!: number;
  @Field(() => String, { description: "Staff's reference for the transfer (bank reference, PayPal id…)." })
  reference!: string;
  @Field(() => Date, { description: "When it was recorded." })
  paidAt!: Date;
  @Field(() => Int, { description: "How many commissions and adjustments it settled." })
  commissionCount!: number;
}

export const AffiliatePayoutConnection = ConnectionType(PayoutView, "AffiliatePayout");

@ObjectType("PayoutDue", { description: "What an affiliate is owed in one currency, at or above the programme's minimum payout." })
export class PayoutDueView {
  @Field(() => AffiliateView, { description: "Who is owed." })
  affiliate!: AffiliateView;
  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
  @Field(() => Int, { description: "Approved and unpaid, adjustments included, in minor units." })
  amount!: number;
  @Field(() => Int, { description: "How many commissions and adjustments make it up." })
  commissionCount!: number;
}

@ObjectType({ description: "The payout recorded." })
export class AffiliatePayoutSuccess {
  @Field(() => PayoutView, { description: "The payout." })
  payout!: PayoutView;
}

export const AffiliatePayoutResult = createUnionType({
  name: "AffiliatePayoutResult",
  description: "Outcome of recording a payout.",
  types: () => [AffiliatePayoutSuccess, ValidationError, NotFoundError, AffiliateStateError, BelowMinimumPayoutError] as const,
});
