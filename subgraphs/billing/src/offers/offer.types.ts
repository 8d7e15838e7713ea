import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PaymentMode } from "../payments/online-payment.types.js";
import type { Offer } from "./offer.entity.js";

export enum OfferStatus {
  ACTIVE = "ACTIVE",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(OfferStatus, {
  name: "OfferStatus",
  description: "ACTIVE offers sell on their public page; ARCHIVED ones keep their orders but their page is gone.",
});

@ObjectType("Offer", {
  description: "Something the business sells on a public order page: access to courses and community groups for a price.",
})
export class OfferView {
  @Field(() => ID, { description: "Offer id." })
  id!: string;
  @Field(() => String, { description: "Name shown on the order page, the receipt and in the console." })
  name!: string;
  @Field(() => String, { description: "Description as staff wrote it (Markdown)." })
  description!: string;
  @Field(() => String, { description: "The description rendered to sanitised HTML, safe to insert as it is." })
  descriptionHtml!: string;
  @Field(() => Int, { description: "Price in minor units of `currency` (cents for USD)." })
  price!: number;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
  @Field(() => String, { description: "The page's address part: `/buy/<slug>` on the portal (lower-case letters, digits, dashes)." })
  slug!: string;
  @Field(() => [ID], { description: "Courses the buyer is enrolled in once paid (ids from the courses section)." })
  courseIds!: string[];
  @Field(() => [ID], { description: "Community groups the buyer is added to once paid (ids from the communities section)." })
  groupIds!: string[];
  @Field(() => OfferStatus, { description: "Whether the public page sells it." })
  status!: OfferStatus;
  @Field(() => String, {
    nullable: true,
    description:
      "The public order page, `<portal URL>/buy/<slug>`, from the business's configured address; null until billing knows the business.",
  })
  publicUrl!: string | null;
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Date, { description: "When it last changed." })
  updatedAt!: Date;
}

export function toOfferView(offer: Offer, publicUrl: string | null): OfferView {
  return Object.assign(new OfferView(), {
    ...offer,
    status: offer.status === "active" ? OfferStatus.ACTIVE : OfferStatus.ARCHIVED,
    publicUrl,
  });
}

export const OfferConnection = ConnectionType(OfferView, "Offer");

@InputType({ description: "What staff write on a new or edited offer." })
export class OfferInput {
  @Field(() => String, { description: "Name, 1 to 200 characters." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Description in Markdown (rendered sanitised on the order page)." })
  @Multiline()
  description?: string | null;
  @Field(() => Int, { description: "Price in minor units of `currency`, at least 50." })
  price!: number;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
  @Field(() => String, { description: "Unique in the business: 1 to 80 lower-case letters, digits and dashes." })
  slug!: string;
  @Field(() => [ID], { nullable: true, description: "Courses it grants (from the courses section's list)." })
  courseIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Community groups it grants (from the communities section's list)." })
  groupIds?: string[] | null;
}

@ObjectType({ description: "The offer after the change." })
export class OfferSuccess {
  @Field(() => OfferView, { description: "The offer." })
  offer!: OfferView;
}

export const OfferResult = createUnionType({
  name: "OfferResult",
  description: "Outcome of creating, editing, archiving or restoring an offer.",
  types: () => [OfferSuccess, ValidationError, NotFoundError] as const,
});

@ObjectType({ description: "An offer as its public order page shows it: no sign-in needed, on the business's portal host." })
export class PublicOffer {
  @Field(() => String, { description: "The page's slug." })
  slug!: string;
  @Field(() => String, { description: "Offer name." })
  name!: string;
  @Field(() => String, { description: "Sanitised HTML of the description." })
  descriptionHtml!: string;
  @Field(() => Int, { description: "Price in minor units of `currency`." })
  price!: number;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
  @Field(() => PaymentMode, {
    description:
      "How the buyer pays: STRIPE (Payment Element), TEST (the demo's test payment, no money moves) or OFFLINE (not for sale online).",
  })
  paymentMode!: PaymentMode;
  @Field(() => String, { nullable: true, description: "Stripe publishable key to load Stripe.js with (STRIPE mode only)." })
  stripePublishableKey!: string | null;
}
