import { Multiline } from "@portal/kit";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PaymentMode } from "./online-payment.types.js";

export enum OfflinePaymentMethod {
  CASH = "CASH",
  BANK_TRANSFER = "BANK_TRANSFER",
  CHECK = "CHECK",
  CARD = "CARD",
  OTHER = "OTHER",
}
registerEnumType(OfflinePaymentMethod, { name: "OfflinePaymentMethod", description: "How money received outside the portal was paid." });

@InputType({ description: "A payment staff received outside the portal." })
export class RecordPaymentInput {
  @Field(() => ID, { description: "The open invoice paid." })
  invoiceId!: string;
  @Field(() => Int, { nullable: true, description: "Amount in minor units; defaults to the whole amount due." })
  amount?: number | null;
  @Field(() => OfflinePaymentMethod, { description: "How it was paid." })
  method!: OfflinePaymentMethod;
  @Field(() => String, { nullable: true, description: "Cheque number, transfer reference or other note." })
  reference?: string | null;
}

@InputType({ description: "Money given back to the client." })
export class RefundInput {
  @Field(() => ID, { description: "The paid invoice." })
  invoiceId!: string;
  @Field(() => Int, { description: "Amount in minor units; at most what was paid and not yet refunded." })
  amount!: number;
  @Field(() => String, { nullable: true, description: "Why, for the records." })
  @Multiline()
  reason?: string | null;
}

@ObjectType({ description: "How clients of this portal pay online." })
export class PaymentOptions {
  @Field(() => PaymentMode, {
    description:
      "How to offer paying: Stripe's Payment Element (startInvoicePayment), test payments (payInvoiceWithTestPayment), or not online.",
  })
  paymentMode!: PaymentMode;
  @Field(() => Boolean, { description: "Test-payment mode: paying completes locally and no money moves. Show it clearly." })
  testMode!: boolean;
  @Field(() => String, { nullable: true, description: "Stripe publishable key when card payments are enabled." })
  stripePublishableKey!: string | null;
}

export enum PaymentKind {
  PAYMENT = "PAYMENT",
  REFUND = "REFUND",
}
registerEnumType(PaymentKind, { name: "PaymentKind", description: "Money received, or money given back." });

@ObjectType("InvoicePayment", { description: "A payment towards an invoice, or a refund of one." })
export class InvoicePaymentView {
  @Field(() => ID, { description: "Payment id." })
  id!: string;
  @Field(() => PaymentKind, { description: "Payment or refund." })
  kind!: PaymentKind;
  @Field(() => Int, { description: "Amount in minor units (always positive)." })
  amount!: number;
  @Field(() => String, {
    description: "How it was paid: cash, bank_transfer, check, card, other, or test (test-payment mode, no money moved).",
  })
  method!: string;
  @Field(() => String, { nullable: true, description: "Reference or refund reason: staff only, null for the client." })
  reference!: string | null;
  @Field(() => Date, { description: "When it was recorded." })
  createdAt!: Date;
}
