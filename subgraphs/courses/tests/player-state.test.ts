import { describe, expect, it } from "vitest";
import type { CourseModuleRow, CourseRow } from "../src/courses/course.entity.js";
import type { LessonRow } from "../src/lessons/lesson.entity.js";
import { type CourseTree, type Learner, playerState } from "../src/player/player-state.js";

const DAY = 24 * 60 * 60 * 1000;
const enrolledAt = new Date("2026-12-01T10:00:00Z");
const now = new Date("2026-12-04T10:00:00Z"); // three days later

type Drip = Pick<LessonRow, "dripKind" | "dripDays" | "dripDate">;
const none: Drip = { dripKind: "none", dripDays: null, dripDate: null };
const after = (days: number): Drip => ({ dripKind: "after_days", dripDays: days, dripDate: null });
const on = (date: Date): Drip => ({ dripKind: "on_date", dripDays: null, dripDate: date });

function tree(requireQuizPass = false): CourseTree {
  const module = (id: string, position: number, drip = none) =>
    ({ id, position, courseId: "c", businessId: "b", title: id, ...drip }) as CourseModuleRow;
  const lesson = (id: string, moduleId: string, position: number, kind: LessonRow["kind"] = "text", drip = none) =>
    ({ id, moduleId, position, kind, courseId: "c", businessId: "b", title: id, ...drip }) as LessonRow;
  return {
    course: { id: "c", businessId: "b", requireQuizPass } as CourseRow,
    modules: [module("m1", 1), module("m2", 2, after(7)), module("m3", 3)],
    lessons: [
      lesson("a", "m1", 1),
      lesson("quiz", "m1", 2, "quiz"),
      lesson("b", "m2", 1, "text", on(new Date(enrolledAt.getTime() + 10 * DAY))),
      lesson("c", "m2", 2),
      lesson("d", "m3", 1, "text", after(2)),
      lesson("e", "m3", 2, "text", after(5)),
    ],
  };
}

const learner = (overrides: Partial<Learner> = {}): Learner => ({
  contactId: "s",
  enrolledAt,
  lastLessonId: null,
  completed: new Map(),
  unlocked: new Set(),
  ...overrides,
});

const states = (state: ReturnType<typeof playerState>) => Object.fromEntries([...state.byLesson].map(([id, entry]) => [id, entry.state]));

describe("playerState", () => {
  it("opens a lesson at the later of its module's and its own drip time, counted from enrolment", () => {
    const state = playerState(tree(), learner(), now);
    expect(states(state)).toEqual({ a: "CURRENT", quiz: "AVAILABLE", b: "LOCKED", c: "LOCKED", d: "AVAILABLE", e: "LOCKED" });
    expect(state.byLesson.get("b")!.availableAt).toEqual(new Date(enrolledAt.getTime() + 10 * DAY)); // its own date is later
    expect(state.byLesson.get("c")!.availableAt).toEqual(new Date(enrolledAt.getTime() + 7 * DAY)); // the module's
    expect(state.modules[1]).toMatchObject({ locked: true, lockReason: "DRIP" });
    expect(state.byLesson.get("e")).toMatchObject({ lockReason: "DRIP", availableAt: new Date(enrolledAt.getTime() + 5 * DAY) });
  });

  it("staff's early unlock of a module opens its lessons except their own later drip; a lesson's unlock opens it alone", () => {
    const state = playerState(tree(), learner({ unlocked: new Set(["m2", "e"]) }), now);
    expect(states(state)).toMatchObject({ b: "LOCKED", c: "AVAILABLE", e: "AVAILABLE" });
    expect(state.byLesson.get("c")!.unlockedEarly).toBe(true);
  });

  it("with requireQuizPass, modules after one with an unpassed quiz wait; completed lessons never lock again", () => {
    const gated = playerState(tree(true), learner({ completed: new Map([["d", now]]) }), now);
    expect(gated.byLesson.get("d")!.state).toBe("COMPLETED");
    expect(gated.byLesson.get("c")!.lockReason).toBe("DRIP"); // drip first
    expect(gated.modules[2]).toMatchObject({ locked: true, lockReason: "MODULE_QUIZ" });
    const passed = playerState(tree(true), learner({ completed: new Map([["quiz", now]]) }), now);
    expect(passed.modules[2]!.locked).toBe(false);
  });

  it("resumes at the last lesson opened, else the next open one after it, and counts progress over every lesson", () => {
    const done = new Map([["a", now]]);
    expect(playerState(tree(), learner({ completed: done, lastLessonId: "a" }), now).currentLessonId).toBe("quiz");
    expect(playerState(tree(), learner({ completed: done, lastLessonId: "d" }), now).currentLessonId).toBe("d");
    const state = playerState(
      tree(),
      learner({
        completed: new Map([
          ["a", now],
          ["d", now],
        ]),
        lastLessonId: "d",
      }),
      now,
    );
    expect(state.currentLessonId).toBe("quiz"); // nothing open after d: back to the first open one
    expect(state).toMatchObject({ lessonCount: 6, completedCount: 2, progressPercent: 33 });
    expect(states(playerState(tree(), null, now))).toEqual({
      a: "AVAILABLE",
      quiz: "AVAILABLE",
      b: "AVAILABLE",
      c: "AVAILABLE",
      d: "AVAILABLE",
      e: "AVAILABLE",
    });
  });
});
