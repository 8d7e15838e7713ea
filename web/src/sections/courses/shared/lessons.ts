import type { CourseDripKind, CourseLessonKind, CourseLessonState, CourseLockReason } from "../../../gql/graphql";

/** How each kind of lesson is named in outlines and editors. */
export const LESSON_KIND_LABEL: Record<CourseLessonKind, string> = {
  VIDEO: "Video",
  TEXT: "Text",
  DOWNLOAD: "Downloads",
  QUIZ: "Quiz",
};

/** A small glyph per kind, for sighted readers; the kind is also said in words. */
export const LESSON_KIND_ICON: Record<CourseLessonKind, string> = {
  VIDEO: "▶",
  TEXT: "¶",
  DOWNLOAD: "⤓",
  QUIZ: "?",
};

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "12 Mar 2027" for a drip date. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : day.format(date);
}

interface LockLike {
  state?: CourseLessonState;
  locked?: boolean;
  lockReason?: CourseLockReason | null;
  availableAt?: string | null;
}

/** Why a student cannot open something yet, in their words: "Available 12 Mar 2027", or the quiz to pass first. */
export function lockedLabel(item: LockLike): string {
  if (item.lockReason === "MODULE_QUIZ") return "Pass the previous module's quiz to unlock";
  if (item.availableAt) return `Available ${formatDay(item.availableAt)}`;
  return "Not available yet";
}

/** A lesson's state in words, for the outline (said after its title). */
export function lessonStateLabel(lesson: { state: CourseLessonState } & LockLike): string {
  switch (lesson.state) {
    case "COMPLETED":
      return "Completed";
    case "CURRENT":
      return "Continue here";
    case "LOCKED":
      return lockedLabel(lesson);
    default:
      return "Not started";
  }
}

interface DripLike {
  kind: CourseDripKind;
  days?: number | null;
  date?: string | null;
}

/** Staff's summary of a drip setting: "Opens 7 days after enrolment", "Opens on 1 Apr 2027", or null when at once. */
export function describeDrip(drip: DripLike | null | undefined): string | null {
  if (!drip || drip.kind === "NONE") return null;
  if (drip.kind === "AFTER_DAYS") {
    const days = drip.days ?? 0;
    if (days === 0) return "Opens on enrolment";
    return days === 1 ? "Opens 1 day after enrolment" : `Opens ${days} days after enrolment`;
  }
  return drip.date ? `Opens on ${formatDay(drip.date)}` : null;
}

/** "1.2 MB" for a file's size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether an HLS stream needs hls.js: `nativeHlsSupport` is the video element's `canPlayType` for HLS ("" when it cannot). */
export function needsHlsJs(provider: string, nativeHlsSupport: string): boolean {
  return provider === "HLS" && nativeHlsSupport === "";
}
