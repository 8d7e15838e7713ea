import { requireActor, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { attemptView, quizOver } from "../lessons/lesson-content.js";
import { loadCourseAccess } from "../player/course-access.js";
import { QuizAttemptRow } from "../quizzes/quiz.entity.js";
import { submitQuiz } from "../quizzes/quiz.service.js";
import { asResult } from "../shared/outcomes.js";
import { enrolmentView, lessonView } from "../shared/views.js";
import { type ProgressOutcome, recordProgress } from "./progress.service.js";
import {
  CourseProgressResult,
  CourseProgressSuccess,
  CourseVideoProgressInput,
  SubmitCourseQuizInput,
  SubmitCourseQuizResult,
  SubmitCourseQuizSuccess,
} from "./progress.types.js";

/** The lesson and enrolment read afresh after a change, as the student now sees them. */
async function afterChange(ctx: SubgraphContext, courseId: string, lessonId: string) {
  const access = (await loadCourseAccess(ctx.em, ctx.caller, courseId))!;
  return {
    lesson: lessonView(access.state.byLesson.get(lessonId)!),
    enrolment: enrolmentView(access.enrolment!, {
      completedLessonCount: access.state.completedCount,
      lessonCount: access.state.lessonCount,
    }),
  };
}

const progressSuccess = async (ctx: SubgraphContext, outcome: ProgressOutcome) =>
  Object.assign(new CourseProgressSuccess(), {
    ...(await afterChange(ctx, outcome.access.tree.course.id, outcome.lessonId)),
    completedNow: outcome.completedNow,
  });

/** A student's progress: opening lessons, watching videos, taking quizzes. Only for the enrolled student. */
@Resolver()
export class ProgressResolver {
  @Mutation(() => CourseProgressResult, {
    description: "A student opens a lesson: remembered as where they are; completes a text lesson. Refused while the lesson is locked.",
  })
  async openCourseLesson(@Arg("lessonId", () => ID, { description: "Lesson id." }) lessonId: string, @Ctx() ctx: SubgraphContext) {
    requireActor(ctx.caller, "contact");
    return asResult(await recordProgress(ctx.em, ctx.caller, lessonId, { kind: "open" }), (outcome) => progressSuccess(ctx, outcome));
  }

  @Mutation(() => CourseProgressResult, {
    description:
      "A student's place in a video (send every few seconds and on pause): resume there; completes the lesson once watched to 90%.",
  })
  async recordCourseVideoProgress(
    @Arg("input", () => CourseVideoProgressInput) input: CourseVideoProgressInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireActor(ctx.caller, "contact");
    return asResult(
      await recordProgress(ctx.em, ctx.caller, input.lessonId, {
        kind: "video",
        positionSeconds: input.positionSeconds,
        durationSeconds: input.durationSeconds,
      }),
      (outcome) => progressSuccess(ctx, outcome),
    );
  }

  @Mutation(() => SubmitCourseQuizResult, {
    description:
      "A student submits a quiz: scored on the server and kept; passing completes the lesson. The right answers come back only once the quiz is over.",
  })
  async submitCourseQuiz(@Arg("input", () => SubmitCourseQuizInput) input: SubmitCourseQuizInput, @Ctx() ctx: SubgraphContext) {
    requireActor(ctx.caller, "contact");
    return asResult(await submitQuiz(ctx.em, ctx.caller, input), async ({ attempt, access }) => {
      const lesson = access.tree.lessons.find((row) => row.id === attempt.lessonId)!;
      const attempts = await ctx.em.find(QuizAttemptRow, { lessonId: attempt.lessonId, contactId: attempt.contactId });
      return Object.assign(new SubmitCourseQuizSuccess(), {
        attempt: attemptView(attempt, quizOver(lesson, attempts)),
        ...(await afterChange(ctx, access.tree.course.id, attempt.lessonId)),
      });
    });
  }
}
