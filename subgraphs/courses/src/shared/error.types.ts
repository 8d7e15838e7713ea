import { errorType } from "@portal/kit";
import { Field } from "type-graphql";
import { CourseStateError, LessonLockedError } from "../courses/course.errors.js";
import { CourseLockReason } from "./enums.js";

errorType(CourseStateError, {
  description: "The course, lesson or enrolment does not allow this now (a draft course, a quiz without retries already taken…).",
});
Field(() => Date, {
  nullable: true,
  description: "When it opens by its drip schedule; null when it waits for an earlier module's quiz instead.",
})(LessonLockedError.prototype, "availableAt");
errorType(LessonLockedError, {
  description: "The lesson has not opened for this student yet; its content is not sent.",
  fields: { reason: [() => CourseLockReason, "Why it is locked."] },
});
export { CourseStateError, LessonLockedError };
