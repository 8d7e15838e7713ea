import { ValidationError } from "@portal/kit";
import { createUnionType, Field, InputType, ObjectType } from "type-graphql";
import { InvalidSignInLinkError } from "../auth/sign-in.types.js";
import { ContactView, EmailTakenError } from "../contacts/contact.types.js";

@InputType({ description: "What a contact may edit about themselves." })
export class ProfileInput {
  @Field(() => String, { description: "Full name." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Phone number; empty removes it." })
  phone?: string | null;
}

@InputType({ description: "A new email address to confirm." })
export class EmailChangeInput {
  @Field(() => String, { description: "The new address; a confirmation link is sent there." })
  newEmail!: string;
}

@ObjectType({ description: "The profile after the change." })
export class ProfileSuccess {
  @Field(() => ContactView, { description: "The contact." })
  contact!: ContactView;
}

@ObjectType({ description: "A confirmation link was sent to the new address." })
export class EmailChangeRequested {
  @Field(() => String, { description: "The address awaiting confirmation." })
  newEmail!: string;
  @Field(() => String, { description: "What to tell the person." })
  message!: string;
}

export const ProfileResult = createUnionType({
  name: "ProfileResult",
  description: "Outcome of a profile change.",
  types: () => [ProfileSuccess, ValidationError, EmailTakenError, InvalidSignInLinkError] as const,
});

export const EmailChangeResult = createUnionType({
  name: "EmailChangeResult",
  description: "Outcome of asking to change the email address.",
  types: () => [EmailChangeRequested, ValidationError, EmailTakenError] as const,
});
