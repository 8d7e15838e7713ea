import { ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import { AffiliateView } from "../affiliates/affiliate.types.js";
import { CommissionKind, CommissionStatus } from "../shared/enums.js";
import { AffiliateStateError } from "../shared/error.types.js";

@ObjectType("Commission", {
  description: "A line of an affiliate's ledger: a commission on a paid invoice, or an adjustment after a refund.",
})
export class CommissionView {
  @Field(() => ID, { description: "Commission id." })
  id!: string;
  @Field(() => CommissionKind, { description: "COMMISSION or a (negative) ADJUSTMENT." })
  kind!: CommissionKind;
  @Field(() => CommissionStatus, { description: "PENDING, APPROVED, PAID or CANCELLED." })
  status!: CommissionStatus;
  @Field(() => Int, { description: "Amount in minor units of `currency` (negative for an adjustment)." })
  amount!: number;
  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
  @Field(() => Int, {
    description: "What the client paid on the invoice (for an adjustment: what has been refunded), in the invoice's minor units.",
  })
  baseAmount!: number;
  @Field(() => ID, { nullable: true, description: "The invoice (or the order form's order) it was earned on." })
  invoiceId!: string | null;
  @Field(() => String, { description: "The referral, as the viewer may see it (masked for the affiliate)." })
  referralLabel!: string;
  @Field(() => AffiliateView, { description: "Whose commission it is." })
  affiliate!: AffiliateView;
  @Field(() => Date, { description: "When it was earned." })
  createdAt!: Date;
  @Field(() => Date, { description: "When the hold period ends and it is approved." })
  payableAt!: Date;
  @Field(() => Date, { nullable: true, description: "When it was approved." })
  approvedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When a payout settled it." })
  paidAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When it was cancelled." })
  cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Why it was cancelled (`Refunded`, or staff's reason)." })
  cancelReason!: string | null;
  @Field(() => ID, { nullable: true, description: "The payout that settled it." })
  payoutId!: string | null;
}

export const CommissionConnection = ConnectionType(CommissionView, "Commission");

@ObjectType("AffiliateBalance", { description: "What an affiliate earned in one currency, by state." })
export class AffiliateBalanceView {
  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
  @Field(() => Int, { description: "Pending: inside the hold period." })
  pending!: number;
  @Field(() => Int, { description: "Approved and not paid yet (adjustments included)." })
  approved!: number;
  @Field(() => Int, { description: "Paid out." })
  paid!: number;
}

@ObjectType({ description: "The commission after the change." })
export class CommissionSuccess {
  @Field(() => CommissionView, { description: "The commission." })
  commission!: CommissionView;
}

export const CommissionResult = createUnionType({
  name: "CommissionResult",
  description: "Outcome of approving or cancelling a commission.",
  types: () => [CommissionSuccess, ValidationError, NotFoundError, AffiliateStateError] as const,
});
