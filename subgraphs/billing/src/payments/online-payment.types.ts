import { errorType, NotFoundError } from "@portal/kit";
import { createUnionType, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { InvoiceStatus } from "../invoices/invoice.types.js";
import { InvoiceNotPayable, PaymentUnavailable } from "./online-payment.errors.js";

export enum PaymentMode {
  STRIPE = "STRIPE",
  TEST = "TEST",
  OFFLINE = "OFFLINE",
}
registerEnumType(PaymentMode, {
  name: "PaymentMode",
  description:
    "How clients pay online: STRIPE (card, Payment Element), TEST (completes locally, no money moves), OFFLINE (no online payment; staff record payments).",
});

@ObjectType({
  description: "A payment the browser now confirms with Stripe's Payment Element; the invoice is paid once Stripe confirms it.",
})
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

errorType(InvoiceNotPayable, {
  description: "The invoice cannot be paid now; `message` says why (already paid, cancelled, payment being confirmed).",
  fields: { status: [() => InvoiceStatus, "The invoice's current status."] },
});
errorType(PaymentUnavailable, {
  description: "The payment provider could not be reached or refused the request; nothing was charged, try again.",
});
export { InvoiceNotPayable, PaymentUnavailable };

export const StartInvoicePaymentResult = createUnionType({
  name: "StartInvoicePaymentResult",
  description: "Outcome of starting an online payment of an invoice.",
  types: () => [InvoicePaymentStarted, InvoiceNotPayable, PaymentUnavailable, NotFoundError] as const,
});
