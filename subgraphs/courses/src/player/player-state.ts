import { dripOpensAt, later } from "../drip/drip.js";
import type { CourseModuleRow, CourseRow } from "../courses/course.entity.js";
import type { LessonRow } from "../lessons/lesson.entity.js";

/** A course's structure, loaded in three statements whatever its size. */
export interface CourseTree {
  course: CourseRow;
  modules: CourseModuleRow[];
  /** In course order: by module position, then lesson position. */
  lessons: LessonRow[];
}

/** What the player needs about one student, loaded in a fixed number of statements. */
export interface Learner {
  contactId: string;
  enrolledAt: Date;
  lastLessonId: string | null;
  /** Lesson id → completion time. */
  completed: Map<string, Date>;
  /** Module and lesson ids staff opened early for this student. */
  unlocked: Set<string>;
}

export type LockReason = "DRIP" | "MODULE_QUIZ";

export interface LessonState {
  lesson: LessonRow;
  state: "LOCKED" | "AVAILABLE" | "CURRENT" | "COMPLETED";
  lockReason: LockReason | null;
  availableAt: Date | null;
  unlockedEarly: boolean;
  completedAt: Date | null;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

export interface ModuleState {
  module: CourseModuleRow;
  locked: boolean;
  lockReason: LockReason | null;
  availableAt: Date | null;
  unlockedEarly: boolean;
  lessons: LessonState[];
}

export interface PlayerState {
  modules: ModuleState[];
  byLesson: Map<string, LessonState>;
  currentLessonId: string | null;
  lessonCount: number;
  completedCount: number;
  /** Completed lessons ÷ the course's lessons, as a whole percent (rounded down: 100 only when all are done). */
  progressPercent: number;
}

/**
 * The course as one reader sees it at `now`. Without a learner (staff, previews) everything is open.
 * A lesson opens at the later of its module's and its own drip time, counted from the student's
 * enrolment; staff's early unlock of the lesson or its module opens it at once. With
 * `requireQuizPass`, every module after one whose quizzes are not all passed is locked (MODULE_QUIZ).
 * The current lesson is where the student resumes: the last lesson they opened while it is not
 * completed, else the next open lesson after it they have not completed, else the first such lesson.
 */
export function playerState(tree: CourseTree, learner: Learner | null, now: Date): PlayerState {
  const lessonsByModule = new Map<string, LessonRow[]>();
  for (const lesson of tree.lessons) {
    const list = lessonsByModule.get(lesson.moduleId) ?? [];
    list.push(lesson);
    lessonsByModule.set(lesson.moduleId, list);
  }
  const ordered = tree.modules.flatMap((module) => lessonsByModule.get(module.id) ?? []);
  const byLesson = new Map<string, LessonState>();
  const modules: ModuleState[] = [];
  let gateOpen = true;
  let index = 0;
  for (const module of tree.modules) {
    const moduleUnlocked = learner ? learner.unlocked.has(module.id) : false;
    const moduleOpensAt = learner ? dripOpensAt(module, learner.enrolledAt) : null;
    const moduleDripLocked = Boolean(learner && moduleOpensAt && moduleOpensAt > now && !moduleUnlocked);
    const moduleQuizLocked = Boolean(learner && !gateOpen && !moduleUnlocked);
    const lessons: LessonState[] = [];
    let quizzesPassed = true;
    for (const lesson of lessonsByModule.get(module.id) ?? []) {
      const completedAt = learner?.completed.get(lesson.id) ?? null;
      const lessonUnlocked = learner ? learner.unlocked.has(lesson.id) : false;
      const opensAt = learner ? later(moduleUnlocked ? null : moduleOpensAt, dripOpensAt(lesson, learner.enrolledAt)) : null;
      let lockReason: LockReason | null = null;
      if (learner && !lessonUnlocked && !completedAt) {
        if (opensAt && opensAt > now) lockReason = "DRIP";
        else if (moduleQuizLocked) lockReason = "MODULE_QUIZ";
      }
      if (lesson.kind === "quiz" && !completedAt) quizzesPassed = false;
      const state: LessonState = {
        lesson,
        state: lockReason ? "LOCKED" : completedAt ? "COMPLETED" : "AVAILABLE",
        lockReason,
        availableAt: opensAt,
        unlockedEarly: lessonUnlocked || moduleUnlocked,
        completedAt,
        previousLessonId: ordered[index - 1]?.id ?? null,
        nextLessonId: ordered[index + 1]?.id ?? null,
      };
      index++;
      lessons.push(state);
      byLesson.set(lesson.id, state);
    }
    modules.push({
      module,
      locked: moduleDripLocked || moduleQuizLocked,
      lockReason: moduleDripLocked ? "DRIP" : moduleQuizLocked ? "MODULE_QUIZ" : null,
      availableAt: moduleOpensAt,
      unlockedEarly: moduleUnlocked,
      lessons,
    });
    if (tree.course.requireQuizPass && !quizzesPassed) gateOpen = false;
  }

  let currentLessonId: string | null = null;
  if (learner) {
    const inOrder = [...byLesson.values()];
    const last = learner.lastLessonId ? byLesson.get(learner.lastLessonId) : undefined;
    const open = (entry: LessonState) => entry.state === "AVAILABLE";
    const after = last ? inOrder.slice(inOrder.indexOf(last) + 1).find(open) : undefined;
    const resume = last && open(last) ? last : (after ?? inOrder.find(open));
    if (resume) {
      resume.state = "CURRENT";
      currentLessonId = resume.lesson.id;
    }
  }
  const lessonCount = ordered.length;
  const completedCount = learner ? ordered.filter((lesson) => learner.completed.has(lesson.id)).length : 0;
  return {
    modules,
    byLesson,
    currentLessonId,
    lessonCount,
    completedCount,
    progressPercent: lessonCount === 0 ? 0 : Math.floor((completedCount * 100) / lessonCount),
  };
}
