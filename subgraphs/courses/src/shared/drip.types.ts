import { Field, InputType, Int, ObjectType } from "type-graphql";
import { CourseDripKind } from "./enums.js";

@ObjectType("CourseDrip", { description: "When a module or lesson opens for a student (a lesson opens no earlier than its module)." })
export class CourseDripView {
  @Field(() => CourseDripKind, { description: "At once, some days after enrolment, or on a date." })
  kind!: CourseDripKind;
  @Field(() => Int, { nullable: true, description: "AFTER_DAYS: days after the student's enrolment." })
  days!: number | null;
  @Field(() => Date, { nullable: true, description: "ON_DATE: the moment it opens." })
  date!: Date | null;
}

@InputType({ description: "When a module or lesson opens." })
export class CourseDripInput {
  @Field(() => CourseDripKind, { description: "NONE, AFTER_DAYS or ON_DATE." })
  kind!: CourseDripKind;
  @Field(() => Int, { nullable: true, description: "AFTER_DAYS: 0–3650 days after enrolment." })
  days?: number | null;
  @Field(() => Date, { nullable: true, description: "ON_DATE: the moment it opens." })
  date?: Date | null;
}
