import { UserError } from "@portal/kit";

/** The course, lesson or enrolment is in a state that does not allow this (a draft, no retries left…). */
export class CourseStateError extends UserError {
  static of(message: string): CourseStateError {
    return Object.assign(new CourseStateError(), { message });
  }
}

/** The lesson has not opened for this student yet: its content is not sent. */
export class LessonLockedError extends UserError {
  /** When it opens by its drip schedule; null when it waits for an earlier module's quiz instead. */
  availableAt!: Date | null;
  reason!: "DRIP" | "MODULE_QUIZ";

  static of(availableAt: Date | null, reason: "DRIP" | "MODULE_QUIZ"): LessonLockedError {
    const message =
      reason === "DRIP" && availableAt
        ? `This lesson is available from ${availableAt.toISOString().slice(0, 10)}`
        : "Pass the quizzes of the earlier modules to open this lesson";
    return Object.assign(new LessonLockedError(), { availableAt, reason, message });
  }
}
