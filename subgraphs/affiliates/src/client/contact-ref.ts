import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's Contact, extended here with the affiliate card and the referral. Affiliates knows only the id. */
@Directive(`@key(fields: "id")`)
@ObjectType("Contact", { description: "A client of the business." })
export class ContactRef {
  @Field(() => ID, { description: "Contact id." })
  id!: string;

  static of(id: string): ContactRef {
    return Object.assign(new ContactRef(), { id });
  }
}
