import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Identity's Staff, referenced by id only (identity resolves the rest, for staff of the business). */
@Directive(`@key(fields: "id", resolvable: false)`)
@ObjectType("Staff", { description: "A member of the business's team." })
export class StaffRef {
  @Field(() => ID, { description: "Staff id." })
  id!: string;

  static of(id: string | null): StaffRef | null {
    return id ? Object.assign(new StaffRef(), { id }) : null;
  }
}
