import { Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { CourseStateError, LessonLockedError } from "../shared/error.types.js";
import { CourseDripInput, CourseDripView } from "../shared/drip.types.js";
import { CourseLessonKind, CourseLessonState, CourseLockReason, CourseQuizQuestionKind, CourseVideoProvider } from "../shared/enums.js";

@Directive(`@key(fields: "id")`)
@ObjectType("CourseLesson", {
  description:
    "One lesson of a course, with the reader's state of it. Its content (`content`) is sent only once it is open for the reader.",
})
export class CourseLessonView {
  @Field(() => ID, { description: "Lesson id." })
  id!: string;
  /** Not exposed: for field resolvers. */
  businessId!: string;
  @Field(() => ID, { description: "Its course." })
  courseId!: string;
  @Field(() => ID, { description: "Its module." })
  moduleId!: string;
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => CourseLessonKind, { description: "Video, text, downloads or quiz." })
  kind!: CourseLessonKind;
  @Field(() => Int, { description: "1-based place in its module." })
  position!: number;
  @Field(() => CourseDripView, { description: "Its own drip setting (its module's applies too)." })
  drip!: CourseDripView;
  @Field(() => CourseLessonState, { description: "Locked, available, current (resume here) or completed, for the reader." })
  state!: CourseLessonState;
  @Field(() => CourseLockReason, { nullable: true, description: "Why it is locked, when it is." })
  lockReason!: CourseLockReason | null;
  @Field(() => Date, {
    nullable: true,
    description: 'For a student: when it opens by its (or its module\'s) drip schedule, to show "Available <date>"; null without drip.',
  })
  availableAt!: Date | null;
  @Field(() => Boolean, { description: "Staff opened it early for this student (or its module)." })
  unlockedEarly!: boolean;
  @Field(() => Date, { nullable: true, description: "When the reader completed it (students only)." })
  completedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: "The lesson before it in the course (across modules), for Previous." })
  previousLessonId!: string | null;
  @Field(() => ID, { nullable: true, description: "The lesson after it in the course (across modules), for Next." })
  nextLessonId!: string | null;
}

@ObjectType("CourseVideoContent", { description: "A video lesson's content." })
export class CourseVideoContent {
  @Field(() => CourseVideoProvider, { description: "How to play it." })
  provider!: CourseVideoProvider;
  @Field(() => String, { description: "The URL staff gave (an https MP4 or HLS URL, or a YouTube/Vimeo page)." })
  url!: string;
  @Field(() => String, {
    description:
      "What to load: the MP4/HLS URL itself, or the provider's embed URL (youtube-nocookie.com/embed/<id>, player.vimeo.com/video/<id>).",
  })
  playbackUrl!: string;
  @Field(() => Float, { description: "Where the student stopped watching, in seconds (resume there); 0 for staff." })
  resumePositionSeconds!: number;
  @Field(() => Int, { description: "The furthest point the student watched, in percent (complete at 90)." })
  watchedPercent!: number;
  @Field(() => String, { description: "Notes under the video: sanitised HTML from staff's Markdown (empty when none)." })
  html!: string;
}

@ObjectType("CourseTextContent", { description: "A text lesson's content." })
export class CourseTextContent {
  @Field(() => String, { description: "The lesson as sanitised HTML, rendered on the server from its Markdown." })
  html!: string;
}

@ObjectType("CourseLessonFile", { description: "A file of a download lesson." })
export class CourseLessonFileView {
  @Field(() => ID, { description: "File id." })
  id!: string;
  @Field(() => String, { description: "File name as uploaded." })
  name!: string;
  @Field(() => String, { description: "Its media type." })
  contentType!: string;
  @Field(() => Int, { description: "Size in bytes (at most 20 MB)." })
  size!: number;
  @Field(() => String, {
    description: "Download path through the gateway (`/files/courses/files/<id>`); downloading completes the lesson for a student.",
  })
  url!: string;
}

@ObjectType("CourseDownloadContent", { description: "A download lesson's content." })
export class CourseDownloadContent {
  @Field(() => String, { description: "Text above the files: sanitised HTML (empty when none)." })
  html!: string;
  @Field(() => [CourseLessonFileView], { description: "Its files, in upload order." })
  files!: CourseLessonFileView[];
}

@ObjectType("CourseQuizOption", { description: "One option of a quiz question." })
export class CourseQuizOptionView {
  @Field(() => ID, { description: "Option id (send it back in answers)." })
  id!: string;
  @Field(() => String, { description: "Its text." })
  text!: string;
}

@ObjectType("CourseQuizQuestion", { description: "One question of a quiz. Which options are right is never sent to a student." })
export class CourseQuizQuestionView {
  @Field(() => ID, { description: "Question id." })
  id!: string;
  @Field(() => Int, { description: "1-based place in the quiz." })
  position!: number;
  @Field(() => String, { description: "The question." })
  prompt!: string;
  @Field(() => CourseQuizQuestionKind, { description: "One right option, or a set of them." })
  kind!: CourseQuizQuestionKind;
  @Field(() => [CourseQuizOptionView], { description: "Its options, in order." })
  options!: CourseQuizOptionView[];
  @Field(() => [ID], { nullable: true, description: "Staff (quiz editor) only: the right options. Null for students." })
  correctOptionIds!: string[] | null;
}

@ObjectType("CourseQuizAnswerResult", { description: "How one question of a submitted attempt was scored." })
export class CourseQuizAnswerResultView {
  @Field(() => ID, { description: "The question." })
  questionId!: string;
  @Field(() => [ID], { description: "The options the student chose." })
  selectedOptionIds!: string[];
  @Field(() => Boolean, { description: "Whether the answer was right." })
  correct!: boolean;
  @Field(() => [ID], {
    nullable: true,
    description: "The right options, shown once the quiz is over for the student (passed, or no retry allowed); null before.",
  })
  correctOptionIds!: string[] | null;
}

@ObjectType("CourseQuizAttempt", { description: "A submitted attempt at a quiz, scored by the server." })
export class CourseQuizAttemptView {
  @Field(() => ID, { description: "Attempt id." })
  id!: string;
  @Field(() => ID, { description: "The quiz lesson." })
  lessonId!: string;
  @Field(() => Int, { description: "Score in percent (right answers ÷ questions, rounded down)." })
  scorePercent!: number;
  @Field(() => Int, { description: "Questions answered right." })
  correctCount!: number;
  @Field(() => Int, { description: "Questions in the quiz when it was taken." })
  questionCount!: number;
  @Field(() => Boolean, { description: "Whether the score reached the pass mark." })
  passed!: boolean;
  @Field(() => Date, { nullable: true, description: "When the student began (as their page reported it), if known." })
  startedAt!: Date | null;
  @Field(() => Date, { description: "When it was submitted." })
  submittedAt!: Date;
  @Field(() => [CourseQuizAnswerResultView], { description: "Each question's result." })
  answers!: CourseQuizAnswerResultView[];
}

@ObjectType("CourseQuizContent", {
  description: "A quiz lesson's content: its questions without their answers, and the reader's attempts.",
})
export class CourseQuizContent {
  @Field(() => String, { description: "Instructions above the questions: sanitised HTML (empty when none)." })
  html!: string;
  @Field(() => Int, { description: "Score needed to pass, in percent." })
  passMarkPercent!: number;
  @Field(() => Boolean, { description: "Whether a student may try again after a failed attempt." })
  retriesAllowed!: boolean;
  @Field(() => [CourseQuizQuestionView], { description: "The questions, in order." })
  questions!: CourseQuizQuestionView[];
  @Field(() => [CourseQuizAttemptView], { description: "The reader's own attempts, newest first (empty for staff)." })
  attempts!: CourseQuizAttemptView[];
  @Field(() => Boolean, { description: "The reader passed it." })
  passed!: boolean;
  @Field(() => Boolean, { description: "The reader (a student) may submit an attempt now." })
  canSubmit!: boolean;
}

@InputType({ description: "A video lesson's source." })
export class CourseVideoInput {
  @Field(() => String, { description: "An https URL of an MP4 file or HLS stream (.m3u8), or a YouTube or Vimeo link." })
  url!: string;
}

@InputType({ description: "One option of a quiz question." })
export class CourseQuizOptionInput {
  @Field(() => String, { description: "Its text, 1–500 characters." })
  text!: string;
  @Field(() => Boolean, { description: "Whether it is a right option." })
  correct!: boolean;
}

@InputType({ description: "One quiz question." })
export class CourseQuizQuestionInput {
  @Field(() => String, { description: "The question, 1–1000 characters." })
  @Multiline()
  prompt!: string;
  @Field(() => CourseQuizQuestionKind, { description: "SINGLE_CHOICE: exactly one right option; MULTIPLE_CHOICE: at least one." })
  kind!: CourseQuizQuestionKind;
  @Field(() => [CourseQuizOptionInput], { description: "2–10 options, in order." })
  options!: CourseQuizOptionInput[];
}

@InputType({
  description: "A quiz lesson's settings and questions (the questions are replaced as a whole; past attempts keep their scores).",
})
export class CourseQuizInput {
  @Field(() => Int, { description: "Score needed to pass, 0–100 percent." })
  passMarkPercent!: number;
  @Field(() => Boolean, { description: "Whether a student may try again after a failed attempt." })
  retriesAllowed!: boolean;
  @Field(() => [CourseQuizQuestionInput], { description: "1–100 questions, in order." })
  questions!: CourseQuizQuestionInput[];
}

@InputType({ description: "A lesson (every field is replaced; the part for its kind is required)." })
export class CourseLessonInput {
  @Field(() => String, { description: "Title, 1–200 characters." })
  title!: string;
  @Field(() => CourseLessonKind, { description: "Video, text, downloads (upload files after) or quiz." })
  kind!: CourseLessonKind;
  @Field(() => String, {
    nullable: true,
    description: "Markdown: a text lesson's content, or notes under a video, downloads or quiz (at most 100,000 characters).",
  })
  @Multiline()
  body?: string | null;
  @Field(() => CourseVideoInput, { nullable: true, description: "VIDEO: its source." })
  video?: CourseVideoInput | null;
  @Field(() => CourseQuizInput, { nullable: true, description: "QUIZ: its settings and questions." })
  quiz?: CourseQuizInput | null;
  @Field(() => CourseDripInput, { nullable: true, description: "Drip (default: open with its module)." })
  drip?: CourseDripInput | null;
}

@ObjectType({ description: "The lesson after the change." })
export class CourseLessonSuccess {
  @Field(() => CourseLessonView, { description: "The lesson." })
  lesson!: CourseLessonView;
}

export const CourseLessonResult = createUnionType({
  name: "CourseLessonResult",
  description: "Outcome of adding or changing a lesson.",
  types: () => [CourseLessonSuccess, ValidationError, NotFoundError, CourseStateError] as const,
});

export const CourseLessonContent = createUnionType({
  name: "CourseLessonContent",
  description:
    "A lesson's content for its kind, or LessonLockedError while it is locked for the student (the server never sends locked content).",
  types: () => [CourseVideoContent, CourseTextContent, CourseDownloadContent, CourseQuizContent, LessonLockedError] as const,
});
