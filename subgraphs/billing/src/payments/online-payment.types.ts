import { NotFoundError, UserError } from "@portal/kit";
import { createUnionType, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { InvoiceStatus } from "../invoices/invoice.types.js";

export enum PaymentMode {
  STRIPE = "STRIPE",
  TEST = "TEST",
  OFFLINE = "OFFLINE",
}
registerEnumType(PaymentMode, {
  name: "PaymentMode",
  description: "How clients pay online: STRIPE (card, Payment Element), TEST (completes locally, no money moves), OFFLINE (no online payment; staff record payments).",
});

@ObjectType({ description: "A payment the browser now confirms with Stripe's Payment Element; the invoice is paid once Stripe confirms it." })
export class InvoicePaymentStarted {
  @Field(() => String, { description: "The PaymentIntent's client secret for Stripe.js (do not log or store it)." })
  clientSecret!: string;
  @Field(() => String, { description: "Stripe publishable key to load Stripe.js with." })
  publishableKey!: string;
  @Field(() => Int, { description: "Amount charged, in minor units of `currency`." })
  amount!: number;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
}

@ObjectType({ implements: UserError, description: "The invoice cannot be paid now; `message` says why (already paid, cancelled, payment being confirmed)." })
export class InvoiceNotPayable extends UserError {
  @Field(() => InvoiceStatus, { description: "The invoice's current status." })
  status!: InvoiceStatus;
}

@ObjectType({ implements: UserError, description: "The payment provider could not be reached or refused the request; nothing was charged, try again." })
export class PaymentUnavailable extends UserError {}

export const StartInvoicePaymentResult = createUnionType({
  name: "StartInvoicePaymentResult",
  description: "Outcome of starting an online payment of an invoice.",
  types: () => [InvoicePaymentStarted, InvoiceNotPayable, PaymentUnavailable, NotFoundError] as const,
});
