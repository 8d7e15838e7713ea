/** Weekly hours as the availability form edits them, and back to what the API takes. */

export interface IntervalDraft {
  start: string;
  end: string;
}

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Seven days (index 0 = Monday), each with its intervals; an empty list is a day off. */
export type WeekDraft = IntervalDraft[][];

/**
 * The API ends a day at "24:00"; a time input cannot show that, so the form shows midnight as an end
 * of "00:00" and sends it back as "24:00".
 */
export function intervalsDraftOf(intervals: IntervalDraft[]): IntervalDraft[] {
  return intervals.map(({ start, end }) => ({ start, end: end === "24:00" ? "00:00" : end }));
}

export function intervalsInput(intervals: IntervalDraft[]): IntervalDraft[] {
  return [...intervals].map(({ start, end }) => ({ start, end: endOf(end) })).sort((a, b) => a.start.localeCompare(b.start));
}

function endOf(end: string): string {
  return end === "00:00" ? "24:00" : end;
}

export function weekDraftOf(weekly: { weekday: number; intervals: IntervalDraft[] }[]): WeekDraft {
  return WEEKDAY_NAMES.map((_, index) => intervalsDraftOf(weekly.find((day) => day.weekday === index + 1)?.intervals ?? []));
}

/** The problem with a day's hours, in words, or null: each interval must end after it starts and not overlap another. */
export function intervalsProblem(intervals: IntervalDraft[]): string | null {
  for (const interval of intervals) {
    if (!/^\d{2}:\d{2}$/.test(interval.start) || !/^\d{2}:\d{2}$/.test(interval.end)) return "Enter a start and an end time.";
    if (endOf(interval.end) <= interval.start) return `${interval.start}–${interval.end}: the end must be after the start.`;
  }
  const sorted = intervalsInput(intervals);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end)
      return `${sorted[i - 1]!.start}–${sorted[i - 1]!.end} overlaps ${sorted[i]!.start}–${sorted[i]!.end}.`;
  }
  return null;
}

/** The API's weekly hours: days with intervals, sorted. */
export function weeklyInput(week: WeekDraft): { weekday: number; intervals: IntervalDraft[] }[] {
  return week.flatMap((intervals, index) => (intervals.length === 0 ? [] : [{ weekday: index + 1, intervals: intervalsInput(intervals) }]));
}
