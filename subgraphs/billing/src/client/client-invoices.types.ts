import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "The client's invoices at a glance, for the dashboard card." })
export class InvoiceSummary {
  @Field(() => Boolean, { description: "Whether the contact has any sent invoice at all (hide the card when false)." })
  hasInvoices!: boolean;
  @Field(() => Int, { description: "Open invoices, overdue ones included." })
  outstandingCount!: number;
  @Field(() => Int, { description: "Amount due in minor units, over open invoices in `currency`." })
  totalDue!: number;
  @Field(() => String, { nullable: true, description: "Currency of `totalDue`: that of the invoice due first; null when nothing is due." })
  currency!: string | null;
  @Field(() => String, { nullable: true, description: "Earliest due date of an open invoice (YYYY-MM-DD)." })
  nextDueDate!: string | null;
}
