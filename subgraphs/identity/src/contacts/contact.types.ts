import { ConnectionType, errorType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { EmailTakenError } from "./contact.errors.js";
import { firstNameOf } from "../shared/snapshots.js";
import type { Contact } from "./contact.entity.js";

export enum PortalAccessStatus {
  NONE = "NONE",
  INVITED = "INVITED",
  ACTIVE = "ACTIVE",
  REVOKED = "REVOKED",
}
registerEnumType(PortalAccessStatus, { name: "PortalAccessStatus", description: "Where a contact is in the portal access lifecycle." });

export enum ContactAccessChange {
  INVITED = "INVITED",
  ACTIVATED = "ACTIVATED",
  SIGNED_IN = "SIGNED_IN",
  REVOKED = "REVOKED",
  UPDATED = "UPDATED",
}
registerEnumType(ContactAccessChange, { name: "ContactAccessChange", description: "What happened to a contact's record or access." });

@ObjectType({ description: "A contact's portal access." })
export class PortalAccess {
  @Field(() => PortalAccessStatus, { description: "Current status." })
  status!: PortalAccessStatus;
  @Field(() => Date, { nullable: true, description: "When the latest invitation was sent." })
  invitedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When the contact last signed in." })
  lastLoginAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When access was removed, if it currently is." })
  revokedAt!: Date | null;
}

@Directive(`@key(fields: "id")`)
@ObjectType("Contact", { description: "A client of the business." })
export class ContactView {
  @Field(() => ID, { description: "Contact id." })
  id!: string;
  /** Not exposed: lets field resolvers stay in the right tenant. */
  businessId!: string;
  @Field(() => String, { description: "Full name." })
  name!: string;
  @Field(() => String, { description: "First word of the name, for greetings." })
  firstName!: string;
  @Field(() => String, { description: "Email address; unique within the business." })
  email!: string;
  @Field(() => String, { nullable: true, description: "Phone number." })
  phone!: string | null;
  @Field(() => Boolean, { description: "Do not disturb: no notification emails, portal access unchanged." })
  dnd!: boolean;
  @Field(() => PortalAccess, { description: "Portal access status and dates." })
  access!: PortalAccess;
  @Field(() => Date, { description: "When the contact was created." })
  createdAt!: Date;
  @Field(() => Date, { description: "When the contact was last changed." })
  updatedAt!: Date;
}

export function toContactView(contact: Contact): ContactView {
  const access = Object.assign(new PortalAccess(), {
    status: contact.accessStatus.toUpperCase() as PortalAccessStatus,
    invitedAt: contact.invitedAt,
    lastLoginAt: contact.lastLoginAt,
    revokedAt: contact.revokedAt,
  });
  const { id, businessId, name, email, phone, dnd, createdAt, updatedAt } = contact;
  return Object.assign(new ContactView(), {
    id,
    businessId,
    name,
    firstName: firstNameOf(name),
    email,
    phone,
    dnd,
    access,
    createdAt,
    updatedAt,
  });
}

export const ContactConnection = ConnectionType(ContactView, "Contact");

@InputType({ description: "Fields of a contact that staff edit." })
export class ContactInput {
  @Field(() => String, { description: "Full name." })
  name!: string;
  @Field(() => String, { description: "Email address, unique within the business (case-insensitive)." })
  email!: string;
  @Field(() => String, { nullable: true, description: "Phone number." })
  phone?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Do not disturb; defaults to false." })
  dnd?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Only when creating: the code of the affiliate link the contact arrived through (`/r/<code>`, the `ref` parameter of its landing page), 1 to 64 letters, digits, `-` or `_`; surrounding spaces are ignored and blank means none. Identity checks only its shape: the affiliates section owns the links and credits the link's affiliate when the code is one of the business's (an unknown code refers nobody). updateContact refuses it.",
  })
  referralCode?: string | null;
}

errorType(EmailTakenError, {
  description: "Another contact of this business already uses this email.",
  fields: { field: [() => String, "The input field holding the email."] },
});
export { EmailTakenError };

@ObjectType({ description: "The contact after the change." })
export class ContactSuccess {
  @Field(() => ContactView, { description: "The contact." })
  contact!: ContactView;
}

@ObjectType({ description: "The invitation was sent." })
export class InvitationSuccess {
  @Field(() => ContactView, { description: "The contact, now invited (or still active)." })
  contact!: ContactView;
}

@ObjectType({ description: "Access was removed and the contact's sessions ended." })
export class RevokeAccessSuccess {
  @Field(() => ContactView, { description: "The contact, now revoked." })
  contact!: ContactView;
}

@ObjectType({ description: "A contact's access changed (live update for staff)." })
export class ContactAccessEvent {
  @Field(() => ContactAccessChange, { description: "What happened." })
  change!: ContactAccessChange;
  @Field(() => ContactView, { description: "The contact as it is now." })
  contact!: ContactView;
}

export const ContactResult = createUnionType({
  name: "ContactResult",
  description: "Outcome of creating or editing a contact.",
  types: () => [ContactSuccess, ValidationError, EmailTakenError, NotFoundError] as const,
});

export const SendInvitationResult = createUnionType({
  name: "SendInvitationResult",
  description: "Outcome of sending an invitation.",
  types: () => [InvitationSuccess, NotFoundError] as const,
});

export const RevokeAccessResult = createUnionType({
  name: "RevokeAccessResult",
  description: "Outcome of removing a contact's access.",
  types: () => [RevokeAccessSuccess, NotFoundError] as const,
});
