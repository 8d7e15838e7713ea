import { ConnectionType, NotFoundError, RateLimitedError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ContactRef } from "../client/contact-ref.js";
import { PaymentMode, PaymentUnavailable } from "../payments/online-payment.types.js";
import type { Order } from "./order.entity.js";

export enum OrderStatus {
  PENDING = "PENDING",
  PAID = "PAID",
  READY = "READY",
}
registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "PENDING (waiting for the payment) → PAID (payment confirmed) → READY (the buyer is a contact; access is being granted).",
});

export enum OrderNextStep {
  WAIT = "WAIT",
  SIGN_IN = "SIGN_IN",
  CHECK_EMAIL = "CHECK_EMAIL",
}
registerEnumType(OrderNextStep, {
  name: "OrderNextStep",
  description:
    "What the buyer's result page says: WAIT (payment being confirmed), SIGN_IN (they already had portal access), CHECK_EMAIL (a new client: the invitation is on its way).",
});

/** Where the receipt PDF is downloaded, through the gateway's file relay. */
export const orderReceiptPath = (orderId: string) => `/files/billing/orders/${orderId}/receipt.pdf`;

@ObjectType("Order", { description: "A purchase of an offer on its public order page. Amounts in minor units of `currency`." })
export class OrderView {
  @Field(() => ID, { description: "Order id." })
  id!: string;
  @Field(() => Int, { description: "Sequential per business, from 1." })
  number!: number;
  @Field(() => ID, { description: "The offer bought." })
  offerId!: string;
  @Field(() => String, { description: "The offer's name when it was bought." })
  offerName!: string;
  @Field(() => OrderStatus, { description: "Where the order is." })
  status!: OrderStatus;
  @Field(() => Int, { description: "Price paid (or to pay), in minor units of `currency`." })
  amount!: number;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
  @Field(() => String, { description: "The buyer's name as they typed it." })
  buyerName!: string;
  @Field(() => String, { description: "The buyer's email as they typed it." })
  buyerEmail!: string;
  @Field(() => String, { nullable: true, description: "Staff only: the affiliate referral code that came with the order." })
  referralCode!: string | null;
  @Field(() => ContactRef, { nullable: true, description: "The buyer as a contact, once the order is READY." })
  contact!: ContactRef | null;
  @Field(() => Boolean, { nullable: true, description: "The contact was created for this order (a new client); null until READY." })
  newContact!: boolean | null;
  @Field(() => [ID], { description: "Courses the order grants (as the offer was when bought)." })
  courseIds!: string[];
  @Field(() => [ID], { description: "Community groups the order grants (as the offer was when bought)." })
  groupIds!: string[];
  @Field(() => String, { nullable: true, description: "How it was paid: `card` or `test` (the demo's test payment); null while pending." })
  paymentMethod!: string | null;
  @Field(() => Date, { nullable: true, description: "When the payment was confirmed." })
  paidAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The receipt PDF's path on the portal (`/files/billing/orders/<id>/receipt.pdf`); null until paid.",
  })
  receiptUrl!: string | null;
  @Field(() => Date, { description: "When the buyer started the order." })
  createdAt!: Date;
}

export function toOrderView(order: Order, audience: "staff" | "contact"): OrderView {
  return Object.assign(new OrderView(), {
    id: order.id,
    number: order.number,
    offerId: order.offerId,
    offerName: order.offerName,
    status: order.status.toUpperCase() as OrderStatus,
    amount: order.amount,
    currency: order.currency,
    buyerName: order.buyerName,
    buyerEmail: order.buyerEmail,
    referralCode: audience === "staff" ? order.referralCode : null,
    contact: order.contactId ? ContactRef.of(order.contactId) : null,
    newContact: order.newContact,
    courseIds: order.courseIds,
    groupIds: order.groupIds,
    paymentMethod: order.paymentMethod,
    paidAt: order.paidAt,
    receiptUrl: order.status === "pending" ? null : orderReceiptPath(order.id),
    createdAt: order.createdAt,
  });
}

export const OrderConnection = ConnectionType(OrderView, "Order");

@InputType({ description: "What the buyer types on the public order page." })
export class StartOrderInput {
  @Field(() => String, { description: "The offer's slug, from the page's address `/buy/<slug>`." })
  slug!: string;
  @Field(() => String, { description: "The buyer's name (their contact's name if they are new)." })
  name!: string;
  @Field(() => String, { description: "The buyer's email: an existing contact with it (any case) is reused." })
  email!: string;
  @Field(() => String, {
    nullable: true,
    description: "The affiliate referral code (`?ref=` of the page); a malformed one is ignored rather than refused.",
  })
  referralCode?: string | null;
}

@ObjectType({ description: "A pending order: the page now takes the payment, then polls publicOrderStatus with the token." })
export class OrderStarted {
  @Field(() => ID, { description: "The order's id." })
  orderId!: string;
  @Field(() => String, { description: "Secret for publicOrderStatus and payOrderWithTestPayment; keep it in the page only." })
  orderToken!: string;
  @Field(() => PaymentMode, { description: "STRIPE: confirm with the Payment Element; TEST: call payOrderWithTestPayment." })
  paymentMode!: PaymentMode;
  @Field(() => String, {
    nullable: true,
    description: "The PaymentIntent's client secret for Stripe.js (STRIPE only; do not log or store it).",
  })
  clientSecret!: string | null;
  @Field(() => String, { nullable: true, description: "Stripe publishable key (STRIPE only)." })
  publishableKey!: string | null;
  @Field(() => Int, { description: "Amount to pay, in minor units of `currency`." })
  amount!: number;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
}

export const StartOrderResult = createUnionType({
  name: "StartOrderResult",
  description: "Outcome of starting an order on a public order page.",
  types: () => [OrderStarted, ValidationError, NotFoundError, PaymentUnavailable, RateLimitedError] as const,
});

@ObjectType({ description: "An order as the buyer's result page sees it (with its secret token)." })
export class PublicOrderStatus {
  @Field(() => ID, { description: "The order's id." })
  orderId!: string;
  @Field(() => Int, { description: "The order's number." })
  number!: number;
  @Field(() => OrderStatus, { description: "PENDING until the payment is confirmed, then PAID, then READY." })
  status!: OrderStatus;
  @Field(() => OrderNextStep, { description: "What to tell the buyer now." })
  nextStep!: OrderNextStep;
  @Field(() => String, { description: "The offer bought." })
  offerName!: string;
  @Field(() => Int, { description: "Amount, in minor units of `currency`." })
  amount!: number;
  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
  @Field(() => String, { description: "The email the buyer gave (where the invitation or sign-in link goes)." })
  buyerEmail!: string;
}

export function toPublicOrderStatus(order: Order): PublicOrderStatus {
  const hadAccess = !order.newContact && (order.buyerAccessStatus === "ACTIVE" || order.buyerAccessStatus === "INVITED");
  const nextStep = order.status !== "ready" ? OrderNextStep.WAIT : hadAccess ? OrderNextStep.SIGN_IN : OrderNextStep.CHECK_EMAIL;
  return Object.assign(new PublicOrderStatus(), {
    orderId: order.id,
    number: order.number,
    status: order.status.toUpperCase() as OrderStatus,
    nextStep,
    offerName: order.offerName,
    amount: order.amount,
    currency: order.currency,
    buyerEmail: order.buyerEmail,
  });
}

export const PayOrderResult = createUnionType({
  name: "PayOrderResult",
  description: "Outcome of the demo's test payment of an order.",
  types: () => [PublicOrderStatus, NotFoundError] as const,
});
