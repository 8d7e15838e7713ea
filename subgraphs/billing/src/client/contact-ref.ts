import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Identity's Contact, extended here with the client's invoice fields. Billing knows only the id;
 * identity owns every other field.
 */
@Directive(`@key(fields: "id")`)
@ObjectType("Contact", { description: "A client of the business." })
export class ContactRef {
  @Field(() => ID, { description: "Contact id." })
  id!: string;

  static of(id: string): ContactRef {
    return Object.assign(new ContactRef(), { id });
  }
}
