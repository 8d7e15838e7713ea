import { ConnectionArgs, ConnectionType, NotFoundError, ValidationError } from "@portal/kit";
import { ArgsType, createUnionType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CourseView } from "../courses/course.types.js";
import { CourseEnrolmentStatus } from "../shared/enums.js";
import { CourseStateError } from "../shared/error.types.js";

@ObjectType("CourseEnrolment", {
  description: "A contact's place in a course, with their progress. Staff see every student's; a client their own.",
})
export class CourseEnrolmentView {
  @Field(() => ID, { description: "Enrolment id." })
  id!: string;
  /** Not exposed: for field resolvers. */
  businessId!: string;
  @Field(() => ID, { description: "The course." })
  courseId!: string;
  @Field(() => ID, { description: "The student (a contact)." })
  contactId!: string;
  @Field(() => CourseEnrolmentStatus, { description: "Active, or unenrolled (hidden from the client, progress kept)." })
  status!: CourseEnrolmentStatus;
  @Field(() => Date, { description: "When they were first enrolled: drip days count from here." })
  enrolledAt!: Date;
  @Field(() => Date, { nullable: true, description: "When they were unenrolled, while they are." })
  unenrolledAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When they first opened a lesson." })
  startedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "Their last activity in the course (opening, watching, downloading, quizzes)." })
  lastActivityAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When they completed the course (set once)." })
  completedAt!: Date | null;
  @Field(() => Int, { description: "Progress: completed lessons ÷ the course's lessons, in whole percent." })
  progressPercent!: number;
  @Field(() => Int, { description: "Lessons they completed." })
  completedLessonCount!: number;
  @Field(() => Int, { description: "Lessons in the course." })
  lessonCount!: number;
}

export const CourseEnrolmentConnection = ConnectionType(CourseEnrolmentView, "CourseEnrolment");

@ArgsType()
export class CourseEnrolmentArgs extends ConnectionArgs {
  @Field(() => CourseEnrolmentStatus, { nullable: true, description: "Only this status (default ACTIVE)." })
  status?: CourseEnrolmentStatus | null;
  @Field(() => String, { nullable: true, description: "Words in the student's name or email (case-insensitive)." })
  search?: string | null;
}

@ObjectType("CourseStudent", { description: "A student as staff see them on an enrolment (from the business's contacts)." })
export class CourseStudentView {
  @Field(() => ID, { description: "Contact id." })
  id!: string;
  @Field(() => String, { description: 'Name ("Former contact" when no longer known).' })
  name!: string;
  @Field(() => String, { description: "Email address (empty when no longer known)." })
  email!: string;
}

@ObjectType("CourseQuizScore", { description: "A student's results on one quiz of the course." })
export class CourseQuizScoreView {
  @Field(() => ID, { description: "The quiz lesson." })
  lessonId!: string;
  @Field(() => String, { description: "Its title." })
  lessonTitle!: string;
  @Field(() => Int, { description: "Attempts submitted." })
  attemptCount!: number;
  @Field(() => Int, { nullable: true, description: "Best score in percent; null before any attempt." })
  bestScorePercent!: number | null;
  @Field(() => Boolean, { description: "Whether they passed it." })
  passed!: boolean;
  @Field(() => Date, { nullable: true, description: "When they last submitted." })
  lastAttemptAt!: Date | null;
}

@ObjectType("CourseLessonProgress", { description: "A student's progress in one lesson (staff's view of a student)." })
export class CourseLessonProgressView {
  @Field(() => ID, { description: "The lesson." })
  lessonId!: string;
  @Field(() => Date, { nullable: true, description: "When they first opened it." })
  openedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When they completed it." })
  completedAt!: Date | null;
  @Field(() => Int, { description: "Video lessons: the furthest point watched, in percent." })
  watchedPercent!: number;
  @Field(() => Boolean, { description: "Staff opened it (or its module) early for them." })
  unlockedEarly!: boolean;
}

@ObjectType({ description: "The enrolments after enrolling." })
export class EnrolInCourseSuccess {
  @Field(() => [CourseEnrolmentView], { description: "The enrolments of the contacts given (new, re-activated or already active)." })
  enrolments!: CourseEnrolmentView[];
  @Field(() => CourseView, { description: "The course." })
  course!: CourseView;
}

export const EnrolInCourseResult = createUnionType({
  name: "EnrolInCourseResult",
  description: "Outcome of enrolling contacts (ValidationError names `contactIds.<i>` for a contact not of this business).",
  types: () => [EnrolInCourseSuccess, ValidationError, NotFoundError, CourseStateError] as const,
});

@ObjectType({ description: "The enrolments after unenrolling." })
export class UnenrolFromCourseSuccess {
  @Field(() => [CourseEnrolmentView], { description: "The enrolments of the contacts given, now unenrolled (progress kept)." })
  enrolments!: CourseEnrolmentView[];
}

export const UnenrolFromCourseResult = createUnionType({
  name: "UnenrolFromCourseResult",
  description: "Outcome of unenrolling contacts.",
  types: () => [UnenrolFromCourseSuccess, ValidationError, NotFoundError] as const,
});

@InputType({ description: "Open one module or one lesson to one student now, before its drip date or a module's quiz." })
export class UnlockCourseContentInput {
  @Field(() => ID, { description: "The student's enrolment." })
  enrolmentId!: string;
  @Field(() => ID, { nullable: true, description: "A module of the course (give this or `lessonId`)." })
  moduleId?: string | null;
  @Field(() => ID, { nullable: true, description: "A lesson of the course (give this or `moduleId`)." })
  lessonId?: string | null;
}

@ObjectType({ description: "The enrolment after the change." })
export class CourseEnrolmentSuccess {
  @Field(() => CourseEnrolmentView, { description: "The enrolment." })
  enrolment!: CourseEnrolmentView;
}

export const CourseEnrolmentResult = createUnionType({
  name: "CourseEnrolmentResult",
  description: "Outcome of a change to one enrolment.",
  types: () => [CourseEnrolmentSuccess, ValidationError, NotFoundError] as const,
});
