interface CourseSummaryLike {
  hasCourses: boolean;
  courseCount: number;
  completedCount: number;
  progressPercent: number;
}

/** The dashboard card's lines for the client's courses; null hides the card (no course). */
export function courseCardLines(summary: CourseSummaryLike | null | undefined): string[] | null {
  if (!summary?.hasCourses) return null;
  const courses = summary.courseCount === 1 ? "1 course" : `${summary.courseCount} courses`;
  const completed =
    summary.completedCount === 0
      ? null
      : summary.completedCount === summary.courseCount
        ? summary.courseCount === 1
          ? "Completed"
          : "All completed"
        : `${summary.completedCount} completed`;
  return [completed ? `${courses} · ${completed}` : courses, `Overall progress: ${summary.progressPercent}%`];
}
