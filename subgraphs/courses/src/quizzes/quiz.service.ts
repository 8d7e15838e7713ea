import { type Caller, type EntityManager, NotFoundError, sql, ValidationError } from "@portal/kit";
import { CourseStateError, type LessonLockedError } from "../courses/course.errors.js";
import type { CourseAccess } from "../player/course-access.js";
import { completeCourseIfDone, completeLesson, lockEnrolment } from "../progress/completion.js";
import { openLessonFor } from "../progress/progress.service.js";
import { QuizAttemptRow, QuizQuestionRow } from "./quiz.entity.js";
import { type AnswerInput, invalidAnswer, scoreAttempt } from "./scoring.js";

export async function questionsOf(em: EntityManager, lessonId: string): Promise<QuizQuestionRow[]> {
  return em.find(QuizQuestionRow, { lessonId }, { orderBy: { position: "asc" } });
}

export async function attemptsOf(em: EntityManager, lessonId: string, contactId: string): Promise<QuizAttemptRow[]> {
  return em.find(QuizAttemptRow, { lessonId, contactId }, { orderBy: { submittedAt: "desc", id: "desc" }, refresh: true });
}

/**
 * Scores a student's attempt on the server and keeps it (answers, score, time). A passed quiz
 * completes its lesson; a passed quiz takes no further attempt, nor a failed one without retries.
 * The answers are never sent before this: the questions reach the client without them.
 */
export async function submitQuiz(
  em: EntityManager,
  caller: Caller,
  input: { lessonId: string; answers: AnswerInput[]; startedAt?: Date | null },
): Promise<{ attempt: QuizAttemptRow; access: CourseAccess } | ValidationError | NotFoundError | LessonLockedError | CourseStateError> {
  const open = await openLessonFor(em, caller, input.lessonId);
  if (!("access" in open)) return open;
  const { access, entry, enrolment } = open;
  if (entry.lesson.kind !== "quiz") return ValidationError.of("lessonId", "This lesson is not a quiz");
  const questions = await questionsOf(em, entry.lesson.id);
  const invalid = invalidAnswer(questions, input.answers);
  if (invalid) return ValidationError.of(`answers.${invalid.index}.${invalid.field}`, invalid.message);
  const startedAt = input.startedAt && input.startedAt.getTime() <= Date.now() ? input.startedAt : null;
  return em.transactional(async (tx) => {
    await lockEnrolment(tx, enrolment);
    const previous = await sql<{ passed: boolean }>(
      tx,
      `select passed from courses.quiz_attempt where business_id = ? and lesson_id = ? and contact_id = ?`,
      [enrolment.businessId, entry.lesson.id, enrolment.contactId],
    );
    if (previous.some((attempt) => attempt.passed)) return CourseStateError.of("You passed this quiz already");
    if (previous.length > 0 && !entry.lesson.retriesAllowed) return CourseStateError.of("This quiz can be taken once");
    const score = scoreAttempt(questions, input.answers);
    const passed = score.scorePercent >= entry.lesson.passMarkPercent;
    const attempt = tx.create(QuizAttemptRow, {
      businessId: enrolment.businessId,
      courseId: enrolment.courseId,
      lessonId: entry.lesson.id,
      contactId: enrolment.contactId,
      ...score,
      passed,
      startedAt,
      submittedAt: new Date(),
    } as QuizAttemptRow);
    await tx.flush();
    await sql(
      tx,
      `insert into courses.lesson_progress (business_id, course_id, lesson_id, contact_id, opened_at) values (?, ?, ?, ?, now())
       on conflict (lesson_id, contact_id) do nothing`,
      [enrolment.businessId, enrolment.courseId, entry.lesson.id, enrolment.contactId],
    );
    await sql(
      tx,
      `update courses.enrolment set started_at = coalesce(started_at, now()), last_activity_at = now(), last_lesson_id = ? where id = ? and business_id = ?`,
      [entry.lesson.id, enrolment.id, enrolment.businessId],
    );
    if (passed && (await completeLesson(tx, enrolment, entry.lesson.id))) await completeCourseIfDone(tx, access.tree.course, enrolment);
    return { attempt, access };
  });
}
