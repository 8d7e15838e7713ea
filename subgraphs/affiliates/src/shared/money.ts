import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("MoneyAmount", { description: "An amount of money in integer minor units of its currency." })
export class MoneyAmount {
  @Field(() => Int, { description: "Amount in minor units (cents for USD, yen for JPY)." })
  amount!: number;
  @Field(() => String, { description: "ISO 4217 currency code, upper case." })
  currency!: string;

  static of(amount: number, currency: string): MoneyAmount {
    return Object.assign(new MoneyAmount(), { amount, currency });
  }
}

/** `[{ currency, amount }]` from a SQL json aggregate, by currency. */
export function moneyList(value: unknown): MoneyAmount[] {
  const rows = (Array.isArray(value) ? value : []) as { currency: string; amount: number | string }[];
  return rows.map((row) => MoneyAmount.of(Number(row.amount), row.currency)).sort((a, b) => a.currency.localeCompare(b.currency));
}
