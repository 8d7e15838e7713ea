import { type EntityManager, sql } from "@portal/kit";
import { LessonLockedError } from "../courses/course.errors.js";
import type { CourseAccess } from "../player/course-access.js";
import type { LessonState } from "../player/player-state.js";
import { QuizAttemptRow } from "../quizzes/quiz.entity.js";
import { attemptsOf, questionsOf } from "../quizzes/quiz.service.js";
import { CourseQuizQuestionKind, CourseVideoProvider } from "../shared/enums.js";
import { CourseFileRow, LessonRow } from "./lesson.entity.js";
import {
  CourseDownloadContent,
  CourseLessonFileView,
  CourseQuizAnswerResultView,
  CourseQuizAttemptView,
  CourseQuizContent,
  CourseQuizOptionView,
  CourseQuizQuestionView,
  CourseTextContent,
  CourseVideoContent,
} from "./lesson.types.js";
import { parseVideoUrl } from "./video-url.js";

/** An attempt as its student (or staff) sees it; the right options only once the quiz is over for them. */
export function attemptView(row: QuizAttemptRow, revealAnswers: boolean): CourseQuizAttemptView {
  return Object.assign(new CourseQuizAttemptView(), {
    id: row.id,
    lessonId: row.lessonId,
    scorePercent: row.scorePercent,
    correctCount: row.correctCount,
    questionCount: row.questionCount,
    passed: row.passed,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    answers: row.answers.map((answer) =>
      Object.assign(new CourseQuizAnswerResultView(), {
        questionId: answer.questionId,
        selectedOptionIds: answer.optionIds,
        correct: answer.correct,
        correctOptionIds: revealAnswers ? answer.correctOptionIds : null,
      }),
    ),
  });
}

/** Over for the student: passed, or failed without a retry allowed. */
export const quizOver = (lesson: LessonRow, attempts: readonly { passed: boolean }[]) =>
  attempts.some((attempt) => attempt.passed) || (!lesson.retriesAllowed && attempts.length > 0);

/**
 * A lesson's content for the reader, or LessonLockedError while it is locked for a student: the
 * content is read only after that check, so locked content never leaves the server. Quiz questions
 * go without their right options to students.
 */
export async function lessonContent(em: EntityManager, access: CourseAccess, entry: LessonState) {
  if (entry.state === "LOCKED") return LessonLockedError.of(entry.availableAt, entry.lockReason ?? "DRIP");
  // The outline's rows come without the text: read the whole lesson now that it may be shown.
  const lesson = await em.findOne(LessonRow, { id: entry.lesson.id });
  if (!lesson) return LessonLockedError.of(null, "DRIP");
  const contactId = access.learner?.contactId ?? null;
  switch (lesson.kind) {
    case "text":
      return Object.assign(new CourseTextContent(), { html: lesson.bodyHtml });
    case "video": {
      const parsed = parseVideoUrl(lesson.videoUrl ?? "");
      const [progress] = contactId
        ? await sql<{ video_position_seconds: number; video_watched_percent: number }>(
            em,
            `select video_position_seconds, video_watched_percent from courses.lesson_progress where business_id = ? and lesson_id = ? and contact_id = ?`,
            [lesson.businessId, lesson.id, contactId],
          )
        : [];
      return Object.assign(new CourseVideoContent(), {
        provider: (lesson.videoProvider ?? "mp4").toUpperCase() as CourseVideoProvider,
        url: lesson.videoUrl ?? "",
        playbackUrl: parsed?.playbackUrl ?? lesson.videoUrl ?? "",
        resumePositionSeconds: Number(progress?.video_position_seconds ?? 0),
        watchedPercent: Number(progress?.video_watched_percent ?? 0),
        html: lesson.bodyHtml,
      });
    }
    case "download": {
      const files = await em.find(
        CourseFileRow,
        { lessonId: lesson.id, purpose: "download" },
        { orderBy: { position: "asc", createdAt: "asc" }, fields: ["id", "name", "contentType", "size", "position", "createdAt"] as never },
      );
      return Object.assign(new CourseDownloadContent(), {
        html: lesson.bodyHtml,
        files: files.map((file) =>
          Object.assign(new CourseLessonFileView(), {
            id: file.id,
            name: file.name,
            contentType: file.contentType,
            size: file.size,
            url: `/files/courses/files/${file.id}`,
          }),
        ),
      });
    }
    case "quiz": {
      const questions = await questionsOf(em, lesson.id);
      const attempts = contactId ? await attemptsOf(em, lesson.id, contactId) : [];
      const over = quizOver(lesson, attempts);
      return Object.assign(new CourseQuizContent(), {
        html: lesson.bodyHtml,
        passMarkPercent: lesson.passMarkPercent,
        retriesAllowed: lesson.retriesAllowed,
        questions: questions.map((question) =>
          Object.assign(new CourseQuizQuestionView(), {
            id: question.id,
            position: question.position,
            prompt: question.prompt,
            kind: question.kind === "multiple" ? CourseQuizQuestionKind.MULTIPLE_CHOICE : CourseQuizQuestionKind.SINGLE_CHOICE,
            options: question.options.map((option) => Object.assign(new CourseQuizOptionView(), option)),
            correctOptionIds: access.staff ? question.correctOptionIds : null,
          }),
        ),
        attempts: attempts.map((attempt) => attemptView(attempt, over)),
        passed: attempts.some((attempt) => attempt.passed),
        canSubmit: Boolean(contactId) && !over,
      });
    }
  }
}
