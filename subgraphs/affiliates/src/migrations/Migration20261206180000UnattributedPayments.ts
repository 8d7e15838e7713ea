import { Migration } from "@mikro-orm/migrations";

const S = `"affiliates"`;

/**
 * Payments of contacts affiliates has no referral for yet. Identity announces a referral and billing
 * a payment on separate queues, so a contact created with a code and paid at once can have its
 * payment handled first; the payment waits here until the referral arrives (then it is credited) or
 * a week passes (it was never a referred contact's).
 */
export class Migration20261206180000UnattributedPayments extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."unattributed_payment" (
      "business_id" uuid not null,
      "invoice_id" uuid not null,
      "contact_id" uuid not null,
      "currency" text not null,
      "amount_paid" integer not null,
      "paid_at" timestamptz(3) not null,
      "recorded_at" timestamptz(3) not null default now(),
      primary key ("business_id", "invoice_id")
    )`);
    this.addSql(`create index "unattributed_payment_contact_index" on ${S}."unattributed_payment" ("business_id", "contact_id")`);
    this.addSql(`create index "unattributed_payment_recorded_at_index" on ${S}."unattributed_payment" ("recorded_at")`);
  }
}
