import { Field, Float, Int, ObjectType } from "type-graphql";
import { MoneyAmount } from "../shared/money.js";

@ObjectType("AffiliateDay", { description: "One day (UTC) of an affiliate's figures, for the chart." })
export class AffiliateDayView {
  @Field(() => String, { description: "The day, YYYY-MM-DD (UTC)." })
  date!: string;
  @Field(() => Int, { description: "Visitors counted that day." })
  clicks!: number;
  @Field(() => Int, { description: "Contacts referred that day." })
  referrals!: number;
  @Field(() => Int, { description: "Commissions earned that day." })
  conversions!: number;
  @Field(() => Int, { description: "Earned that day in `AffiliateStats.earningsCurrency`, minor units." })
  earnings!: number;
}

@ObjectType("AffiliateStats", { description: "An affiliate's figures over the last `days` days, with a daily series." })
export class AffiliateStatsView {
  @Field(() => Int, { description: "Visitors counted (one a day per visitor; bots not counted)." })
  clicks!: number;
  @Field(() => Int, { description: "Contacts referred." })
  referrals!: number;
  @Field(() => Int, { description: "Paid invoices that earned a commission (cancelled ones not counted)." })
  conversions!: number;
  @Field(() => Float, { description: "Conversions per click, 0–1 (0 without clicks)." })
  conversionRate!: number;
  @Field(() => [MoneyAmount], { description: "Earned per currency (pending, approved and paid; adjustments included)." })
  earnings!: MoneyAmount[];
  @Field(() => String, {
    nullable: true,
    description: "The currency of the daily earnings: the one most earned in; null with no earnings.",
  })
  earningsCurrency!: string | null;
  @Field(() => [AffiliateDayView], { description: "Every day of the period, oldest first, empty days included." })
  days!: AffiliateDayView[];
}

@ObjectType("AffiliateSummary", { description: "The dashboard card's figures for a contact." })
export class AffiliateSummaryView {
  @Field(() => Boolean, { description: "The contact is an active affiliate of the business." })
  isAffiliate!: boolean;
  @Field(() => [MoneyAmount], { description: "Commissions pending (inside the hold period), per currency." })
  pending!: MoneyAmount[];
  @Field(() => [MoneyAmount], { description: "Approved and not paid yet, per currency." })
  approved!: MoneyAmount[];
  @Field(() => Int, { description: "Contacts they referred." })
  referrals!: number;
}
