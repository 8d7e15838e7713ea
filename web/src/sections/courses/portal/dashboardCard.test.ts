import { describe, expect, it } from "vitest";
import { courseCardLines } from "./dashboardCard";

describe("the Courses dashboard card", () => {
  it("is hidden without a course", () => {
    expect(courseCardLines(null)).toBeNull();
    expect(courseCardLines({ hasCourses: false, courseCount: 0, completedCount: 0, progressPercent: 0 })).toBeNull();
  });

  it("names the courses, those completed and the overall progress", () => {
    expect(courseCardLines({ hasCourses: true, courseCount: 1, completedCount: 0, progressPercent: 40 })).toEqual([
      "1 course",
      "Overall progress: 40%",
    ]);
    expect(courseCardLines({ hasCourses: true, courseCount: 3, completedCount: 1, progressPercent: 55 })).toEqual([
      "3 courses · 1 completed",
      "Overall progress: 55%",
    ]);
    expect(courseCardLines({ hasCourses: true, courseCount: 1, completedCount: 1, progressPercent: 100 })?.[0]).toBe(
      "1 course · Completed",
    );
    expect(courseCardLines({ hasCourses: true, courseCount: 2, completedCount: 2, progressPercent: 100 })?.[0]).toBe(
      "2 courses · All completed",
    );
  });
});
