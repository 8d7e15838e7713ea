import { NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, Float, ID, InputType, ObjectType } from "type-graphql";
import { CourseEnrolmentView } from "../enrolment/enrolment.types.js";
import { CourseLessonView, CourseQuizAttemptView } from "../lessons/lesson.types.js";
import { CourseStateError, LessonLockedError } from "../shared/error.types.js";

@ObjectType({ description: "The lesson and the student's enrolment after recording progress." })
export class CourseProgressSuccess {
  @Field(() => CourseLessonView, { description: "The lesson with the student's state of it." })
  lesson!: CourseLessonView;
  @Field(() => CourseEnrolmentView, { description: "The enrolment, with the course's progress." })
  enrolment!: CourseEnrolmentView;
  @Field(() => Boolean, { description: "This call completed the lesson (false when it was already complete or is not yet)." })
  completedNow!: boolean;
}

export const CourseProgressResult = createUnionType({
  name: "CourseProgressResult",
  description: "Outcome of recording progress in a lesson.",
  types: () => [CourseProgressSuccess, ValidationError, NotFoundError, LessonLockedError] as const,
});

@InputType({ description: "One answer of a quiz attempt." })
export class CourseQuizAnswerInput {
  @Field(() => ID, { description: "The question." })
  questionId!: string;
  @Field(() => [ID], { description: "The options chosen (one for a single-choice question)." })
  optionIds!: string[];
}

@InputType({ description: "A quiz attempt to score." })
export class SubmitCourseQuizInput {
  @Field(() => ID, { description: "The quiz lesson." })
  lessonId!: string;
  @Field(() => [CourseQuizAnswerInput], { description: "One answer per question (a question left out counts as wrong)." })
  answers!: CourseQuizAnswerInput[];
  @Field(() => Date, { nullable: true, description: "When the student began, as their page saw it (kept with the attempt)." })
  startedAt?: Date | null;
}

@ObjectType({ description: "The scored attempt, with the lesson and enrolment after it." })
export class SubmitCourseQuizSuccess {
  @Field(() => CourseQuizAttemptView, { description: "The attempt, scored." })
  attempt!: CourseQuizAttemptView;
  @Field(() => CourseLessonView, { description: "The quiz lesson with the student's state of it." })
  lesson!: CourseLessonView;
  @Field(() => CourseEnrolmentView, { description: "The enrolment, with the course's progress." })
  enrolment!: CourseEnrolmentView;
}

export const SubmitCourseQuizResult = createUnionType({
  name: "SubmitCourseQuizResult",
  description: "Outcome of submitting a quiz attempt (CourseStateError: already passed, or no retry allowed).",
  types: () => [SubmitCourseQuizSuccess, ValidationError, NotFoundError, LessonLockedError, CourseStateError] as const,
});

@InputType({ description: "How far a student got in a video." })
export class CourseVideoProgressInput {
  @Field(() => ID, { description: "The video lesson." })
  lessonId!: string;
  @Field(() => Float, { description: "Where playback is now, in seconds (resume here)." })
  positionSeconds!: number;
  @Field(() => Float, { description: "The video's length in seconds, as the player reports it." })
  durationSeconds!: number;
}
