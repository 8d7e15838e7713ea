import { type Caller, type EntityManager, NotFoundError, sql, ValidationError } from "@portal/kit";
import { LessonLockedError } from "../courses/course.errors.js";
import type { EnrolmentRow } from "../enrolment/enrolment.entity.js";
import { type CourseAccess, courseIdOfLesson, loadCourseAccess } from "../player/course-access.js";
import type { LessonState } from "../player/player-state.js";
import { completeCourseIfDone, completeLesson, lockEnrolment } from "./completion.js";

/** Watching this far (in percent of the video) completes a video lesson. */
export const VIDEO_COMPLETE_PERCENT = 90;

export type ProgressEvent = { kind: "open" } | { kind: "download" } | { kind: "video"; positionSeconds: number; durationSeconds: number };

export interface ProgressOutcome {
  access: CourseAccess;
  lessonId: string;
  completedNow: boolean;
}

/**
 * The lesson for a student who may learn in it now: null (not found) for staff, other businesses,
 * students not actively enrolled; LessonLockedError while it is locked for them.
 */
export async function openLessonFor(
  em: EntityManager,
  caller: Caller,
  lessonId: string,
): Promise<{ access: CourseAccess; entry: LessonState; enrolment: EnrolmentRow } | NotFoundError | LessonLockedError> {
  const courseId = await courseIdOfLesson(em, lessonId);
  const access = courseId ? await loadCourseAccess(em, caller, courseId) : null;
  const entry = access?.state.byLesson.get(lessonId);
  if (!access || !entry || !access.enrolment) return NotFoundError.of("No such lesson");
  if (entry.state === "LOCKED") return LessonLockedError.of(entry.availableAt, entry.lockReason ?? "DRIP");
  return { access, entry, enrolment: access.enrolment };
}

/**
 * Records what a student did in a lesson. Idempotent and never backwards: the lesson row is created
 * once, the furthest point watched only grows, `completed_at` is set once (text: on opening; download:
 * on downloading; video: once watched to 90%; quizzes complete when passed, see quiz.service). The
 * call that completes the course's last lesson completes the course.
 */
export async function recordProgress(
  em: EntityManager,
  caller: Caller,
  lessonId: string,
  event: ProgressEvent,
): Promise<ProgressOutcome | NotFoundError | LessonLockedError | ValidationError> {
  if (event.kind === "video") {
    const { positionSeconds, durationSeconds } = event;
    if (!Number.isFinite(durationSeconds) || durationSeconds <= 0 || durationSeconds > 7 * 24 * 3600)
      return ValidationError.of("durationSeconds", "Give the video's length in seconds");
    if (!Number.isFinite(positionSeconds) || positionSeconds < 0)
      return ValidationError.of("positionSeconds", "Give a position in seconds");
  }
  const open = await openLessonFor(em, caller, lessonId);
  if (!("access" in open)) return open;
  const { access, entry, enrolment } = open;
  if (event.kind === "video" && entry.lesson.kind !== "video") return ValidationError.of("lessonId", "This lesson is not a video");
  const completedNow = await em.transactional(async (tx) => {
    await lockEnrolment(tx, enrolment);
    const ids = [enrolment.businessId, lessonId, enrolment.contactId];
    await sql(
      tx,
      `insert into courses.lesson_progress (business_id, course_id, lesson_id, contact_id, opened_at) values (?, ?, ?, ?, now())
       on conflict (lesson_id, contact_id) do nothing`,
      [enrolment.businessId, enrolment.courseId, lessonId, enrolment.contactId],
    );
    let completes = false;
    if (event.kind === "video") {
      const position = Math.min(event.positionSeconds, event.durationSeconds);
      const percent = Math.min(100, Math.floor((position * 100) / event.durationSeconds));
      const [row] = await sql<{ video_watched_percent: number }>(
        tx,
        `update courses.lesson_progress set video_position_seconds = ?, video_watched_percent = greatest(video_watched_percent, ?)
         where business_id = ? and lesson_id = ? and contact_id = ? returning video_watched_percent`,
        [position, percent, ...ids],
      );
      completes = Number(row?.video_watched_percent ?? 0) >= VIDEO_COMPLETE_PERCENT;
    } else if (event.kind === "open") completes = entry.lesson.kind === "text";
    else completes = entry.lesson.kind === "download";
    await sql(
      tx,
      `update courses.enrolment set started_at = coalesce(started_at, now()), last_activity_at = now(), last_lesson_id = ?
       where id = ? and business_id = ?`,
      [lessonId, enrolment.id, enrolment.businessId],
    );
    const done = completes ? await completeLesson(tx, enrolment, lessonId) : false;
    if (done) await completeCourseIfDone(tx, access.tree.course, enrolment);
    return done;
  });
  return { access, lessonId, completedNow };
}
