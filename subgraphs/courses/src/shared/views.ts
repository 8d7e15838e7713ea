import type { CourseModuleRow, CourseRow } from "../courses/course.entity.js";
import { CourseModuleView, CourseView } from "../courses/course.types.js";
import type { EnrolmentRow } from "../enrolment/enrolment.entity.js";
import { CourseEnrolmentView } from "../enrolment/enrolment.types.js";
import type { LessonRow } from "../lessons/lesson.entity.js";
import { CourseLessonView } from "../lessons/lesson.types.js";
import type { LessonState, ModuleState } from "../player/player-state.js";
import { CourseDripView } from "./drip.types.js";
import type { Drip } from "../drip/drip.js";
import { CourseDripKind, CourseEnrolmentStatus, CourseLessonKind, CourseLessonState, CourseLockReason, CourseStatus } from "./enums.js";

export const courseView = (row: CourseRow): CourseView =>
  Object.assign(new CourseView(), {
    id: row.id,
    businessId: row.businessId,
    title: row.title,
    description: row.description,
    status: row.status === "published" ? CourseStatus.PUBLISHED : CourseStatus.DRAFT,
    coverImageUrl: row.coverFileId ? `/files/courses/courses/${row.id}/cover?v=${row.coverFileId}` : null,
    certificateEnabled: row.certificateEnabled,
    requireQuizPass: row.requireQuizPass,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

export const dripView = (drip: Drip): CourseDripView =>
  Object.assign(new CourseDripView(), {
    kind: drip.dripKind.toUpperCase() as CourseDripKind,
    days: drip.dripKind === "after_days" ? drip.dripDays : null,
    date: drip.dripKind === "on_date" ? drip.dripDate : null,
  });

export const lessonView = (entry: LessonState): CourseLessonView =>
  Object.assign(new CourseLessonView(), {
    id: entry.lesson.id,
    businessId: entry.lesson.businessId,
    courseId: entry.lesson.courseId,
    moduleId: entry.lesson.moduleId,
    title: entry.lesson.title,
    kind: entry.lesson.kind.toUpperCase() as CourseLessonKind,
    position: entry.lesson.position,
    drip: dripView(entry.lesson),
    state: entry.state as CourseLessonState,
    lockReason: entry.lockReason as CourseLockReason | null,
    availableAt: entry.availableAt,
    unlockedEarly: entry.unlockedEarly,
    completedAt: entry.completedAt,
    previousLessonId: entry.previousLessonId,
    nextLessonId: entry.nextLessonId,
  });

export const moduleView = (entry: ModuleState): CourseModuleView =>
  Object.assign(new CourseModuleView(), {
    id: entry.module.id,
    courseId: entry.module.courseId,
    title: entry.module.title,
    position: entry.module.position,
    drip: dripView(entry.module),
    locked: entry.locked,
    lockReason: entry.lockReason as CourseLockReason | null,
    availableAt: entry.availableAt,
    unlockedEarly: entry.unlockedEarly,
    lessons: entry.lessons.map(lessonView),
  });

/** A module without reader state (right after staff change it). */
export const plainModuleView = (module: CourseModuleRow, lessons: LessonRow[]): CourseModuleView =>
  moduleView({
    module,
    locked: false,
    lockReason: null,
    availableAt: null,
    unlockedEarly: false,
    lessons: lessons.map((lesson, index) => ({
      lesson,
      state: "AVAILABLE",
      lockReason: null,
      availableAt: null,
      unlockedEarly: false,
      completedAt: null,
      previousLessonId: lessons[index - 1]?.id ?? null,
      nextLessonId: lessons[index + 1]?.id ?? null,
    })),
  });

export interface EnrolmentProgress {
  completedLessonCount: number;
  lessonCount: number;
}

export const enrolmentView = (row: EnrolmentRow, progress: EnrolmentProgress): CourseEnrolmentView =>
  Object.assign(new CourseEnrolmentView(), {
    id: row.id,
    businessId: row.businessId,
    courseId: row.courseId,
    contactId: row.contactId,
    status: row.status === "active" ? CourseEnrolmentStatus.ACTIVE : CourseEnrolmentStatus.UNENROLLED,
    enrolledAt: row.enrolledAt,
    unenrolledAt: row.unenrolledAt,
    startedAt: row.startedAt,
    lastActivityAt: row.lastActivityAt,
    completedAt: row.completedAt,
    completedLessonCount: progress.completedLessonCount,
    lessonCount: progress.lessonCount,
    progressPercent: progress.lessonCount === 0 ? 0 : Math.floor((progress.completedLessonCount * 100) / progress.lessonCount),
  });
