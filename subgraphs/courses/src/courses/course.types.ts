import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CourseLockReason, CourseStatus } from "../shared/enums.js";
import { CourseDripInput, CourseDripView } from "../shared/drip.types.js";
import { CourseLessonView } from "../lessons/lesson.types.js";
import { CourseStateError, LessonLockedError } from "../shared/error.types.js";

@Directive(`@key(fields: "id")`)
@ObjectType("Course", {
  description:
    "A course of the business: ordered modules of lessons. Staff build and publish it; clients enrolled in it learn in the course player.",
})
export class CourseView {
  @Field(() => ID, { description: "Course id." })
  id!: string;
  /** Not exposed: for field resolvers. */
  businessId!: string;
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => String, { description: "Description (plain text, may have line breaks; empty when none)." })
  description!: string;
  @Field(() => CourseStatus, { description: "Draft (staff only) or published (seen by enrolled clients)." })
  status!: CourseStatus;
  @Field(() => String, {
    nullable: true,
    description: "Path of the cover image through the gateway (`/files/courses/courses/<id>/cover?v=<file id>`), when one is set.",
  })
  coverImageUrl!: string | null;
  @Field(() => Boolean, { description: "Completing the course earns a PDF certificate with a verification code." })
  certificateEnabled!: boolean;
  @Field(() => Boolean, { description: "Students must pass every quiz of a module before the next module opens." })
  requireQuizPass!: boolean;
  @Field(() => Date, { nullable: true, description: "When it was (last) published." })
  publishedAt!: Date | null;
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Date, { description: "When its details, modules or lessons last changed." })
  updatedAt!: Date;
}

export const CourseConnection = ConnectionType(CourseView, "Course");

@ObjectType("CourseModule", { description: "An ordered part of a course, holding ordered lessons; it may drip as a whole." })
export class CourseModuleView {
  @Field(() => ID, { description: "Module id." })
  id!: string;
  @Field(() => ID, { description: "Its course." })
  courseId!: string;
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => Int, { description: "1-based place in the course." })
  position!: number;
  @Field(() => CourseDripView, { description: "Its drip setting (every lesson in it opens no earlier)." })
  drip!: CourseDripView;
  @Field(() => Boolean, { description: "Locked for the reader (a student): no lesson of it can be opened yet. Always false for staff." })
  locked!: boolean;
  @Field(() => CourseLockReason, { nullable: true, description: "Why it is locked, when it is." })
  lockReason!: CourseLockReason | null;
  @Field(() => Date, {
    nullable: true,
    description: "For a student: when it opens by its drip schedule (past or future); null without drip or for staff.",
  })
  availableAt!: Date | null;
  @Field(() => Boolean, { description: "Staff opened it early for this student." })
  unlockedEarly!: boolean;
  @Field(() => [CourseLessonView], { description: "Its lessons, in order, with the reader's state of each." })
  lessons!: CourseLessonView[];
}

@InputType({ description: "A course's details (every field is replaced)." })
export class CourseInput {
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => String, { nullable: true, description: "Description, at most 5000 characters." })
  @Multiline()
  description?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Issue a certificate on completion (default false)." })
  certificateEnabled?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Pass each module's quizzes before the next module opens (default false)." })
  requireQuizPass?: boolean | null;
}

@InputType({ description: "A module's title and drip." })
export class CourseModuleInput {
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => CourseDripInput, { nullable: true, description: "Drip (default: open at once)." })
  drip?: CourseDripInput | null;
}

export { CourseStateError, LessonLockedError };

@ObjectType({ description: "The course after the change." })
export class CourseSuccess {
  @Field(() => CourseView, { description: "The course." })
  course!: CourseView;
}

export const CourseResult = createUnionType({
  name: "CourseResult",
  description: "Outcome of a change to a course, its modules or their order.",
  types: () => [CourseSuccess, ValidationError, NotFoundError, CourseStateError] as const,
});

@ObjectType({ description: "The course was deleted." })
export class DeleteCourseSuccess {
  @Field(() => ID, { description: "Id of the deleted course." })
  deletedId!: string;
}

export const DeleteCourseResult = createUnionType({
  name: "DeleteCourseResult",
  description: "Outcome of deleting a course (only a course nobody was ever enrolled in).",
  types: () => [DeleteCourseSuccess, NotFoundError, CourseStateError] as const,
});

@ObjectType({ description: "The module after the change." })
export class CourseModuleSuccess {
  @Field(() => CourseModuleView, { description: "The module." })
  module!: CourseModuleView;
  @Field(() => CourseView, { description: "Its course." })
  course!: CourseView;
}

export const CourseModuleResult = createUnionType({
  name: "CourseModuleResult",
  description: "Outcome of adding or changing a module.",
  types: () => [CourseModuleSuccess, ValidationError, NotFoundError, CourseStateError] as const,
});
