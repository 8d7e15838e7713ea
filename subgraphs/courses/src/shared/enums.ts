import { registerEnumType } from "type-graphql";

export enum CourseStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
}
registerEnumType(CourseStatus, {
  name: "CourseStatus",
  description: "A draft is seen by staff only; a published course is seen by the clients enrolled in it.",
});

export enum CourseLessonKind {
  VIDEO = "VIDEO",
  TEXT = "TEXT",
  DOWNLOAD = "DOWNLOAD",
  QUIZ = "QUIZ",
}
registerEnumType(CourseLessonKind, {
  name: "CourseLessonKind",
  description:
    "VIDEO: an MP4/HLS URL or a YouTube/Vimeo link (complete once watched to 90%); TEXT: Markdown (complete once opened); DOWNLOAD: files (complete once one is downloaded); QUIZ: questions (complete once passed).",
});

export enum CourseVideoProvider {
  MP4 = "MP4",
  HLS = "HLS",
  YOUTUBE = "YOUTUBE",
  VIMEO = "VIMEO",
}
registerEnumType(CourseVideoProvider, {
  name: "CourseVideoProvider",
  description:
    "How a video lesson is played: a file (MP4) or stream (HLS) in the page's own player, or YouTube's or Vimeo's embedded player.",
});

export enum CourseDripKind {
  NONE = "NONE",
  AFTER_DAYS = "AFTER_DAYS",
  ON_DATE = "ON_DATE",
}
registerEnumType(CourseDripKind, {
  name: "CourseDripKind",
  description: "When a module or lesson opens: at once (NONE), a number of days after the student's enrolment, or on a date.",
});

export enum CourseLessonState {
  LOCKED = "LOCKED",
  AVAILABLE = "AVAILABLE",
  CURRENT = "CURRENT",
  COMPLETED = "COMPLETED",
}
registerEnumType(CourseLessonState, {
  name: "CourseLessonState",
  description:
    "A lesson as the reader sees it: LOCKED (dripped or behind a module's quiz: no content until it opens), AVAILABLE, CURRENT (where the student resumes) or COMPLETED. Staff see every lesson AVAILABLE.",
});

export enum CourseLockReason {
  DRIP = "DRIP",
  MODULE_QUIZ = "MODULE_QUIZ",
}
registerEnumType(CourseLockReason, {
  name: "CourseLockReason",
  description: "Why something is locked: DRIP (opens at `availableAt`), MODULE_QUIZ (an earlier module's quiz must be passed first).",
});

export enum CourseQuizQuestionKind {
  SINGLE_CHOICE = "SINGLE_CHOICE",
  MULTIPLE_CHOICE = "MULTIPLE_CHOICE",
}
registerEnumType(CourseQuizQuestionKind, {
  name: "CourseQuizQuestionKind",
  description: "SINGLE_CHOICE: exactly one option is right; MULTIPLE_CHOICE: the right set of options, all of them and no other.",
});

export enum CourseEnrolmentStatus {
  ACTIVE = "ACTIVE",
  UNENROLLED = "UNENROLLED",
}
registerEnumType(CourseEnrolmentStatus, {
  name: "CourseEnrolmentStatus",
  description: "ACTIVE: the client sees the course; UNENROLLED: hidden from them, their progress kept should they be enrolled again.",
});

export type LessonKindValue = "video" | "text" | "download" | "quiz";
export type DripKindValue = "none" | "after_days" | "on_date";
export type VideoProviderValue = "mp4" | "hls" | "youtube" | "vimeo";
export type QuestionKindValue = "single" | "multiple";
