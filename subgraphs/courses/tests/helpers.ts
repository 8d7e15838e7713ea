import {
  type Caller,
  callSubgraph,
  dataOf,
  newTestTenant,
  forkFor,
  type RunningSubgraphProcess,
  runSubgraph,
  type TestPerson,
  type TestTenant,
  testRuntime,
} from "@portal/kit";
import { inject } from "vitest";
import { createCoursesSubgraph } from "../src/index.js";

export const databaseUrl = () => inject("databaseUrl" as never) as string;

/** The subgraph with its drip job off (tests run it by hand with a chosen `now`). */
export function startCourses(): Promise<RunningSubgraphProcess> {
  return runSubgraph(createCoursesSubgraph({ production: false, dripIntervalMs: 0 }), testRuntime(databaseUrl()));
}

export { anonymousIn, apiKeyIn, contactIn, fileRequest, staffIn } from "@portal/kit";
export type Person = TestPerson;
export type Tenant = TestTenant;

/** A business as courses knows it from identity's events: its portal URL, an owner and contacts. */
export const newTenant = (courses: RunningSubgraphProcess, contactCount = 3, dnd: (index: number) => boolean = () => false) =>
  newTestTenant(courses, { contactCount, fallbackName: "Student", dnd });

/** Throws with the GraphQL errors so a failing test shows what went wrong. */
export const gql = dataOf;

export const raw = (courses: RunningSubgraphProcess, caller: Caller, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph(courses.url, caller, query, variables);

const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
export const LESSON_FIELDS = `id moduleId title kind position state lockReason availableAt completedAt unlockedEarly previousLessonId nextLessonId`;
export const CONTENT = `content { __typename
  ... on CourseTextContent { html }
  ... on CourseVideoContent { provider url playbackUrl resumePositionSeconds watchedPercent }
  ... on CourseDownloadContent { html files { id name size url } }
  ... on CourseQuizContent { passMarkPercent retriesAllowed passed canSubmit questions { id prompt kind options { id text } correctOptionIds }
      attempts { id scorePercent passed answers { questionId correct correctOptionIds } } }
  ... on LessonLockedError { message availableAt reason } }`;
export const PLAYER = `query($id: ID!) { course(id: $id) { id title status lessonCount currentLessonId
  myEnrolment { id status progressPercent completedLessonCount lessonCount completedAt certificate { id code downloadUrl } }
  modules { id title position locked lockReason availableAt lessons { ${LESSON_FIELDS} } } } }`;

export const OPS = {
  createCourse: `mutation($input: CourseInput!) { createCourse(input: $input) { ${RESULT} ... on CourseSuccess { course { id title status } } } }`,
  publish: `mutation($id: ID!) { publishCourse(id: $id) { ${RESULT} ... on CourseSuccess { course { id status } } } }`,
  createModule: `mutation($courseId: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $courseId, input: $input) { ${RESULT} ... on CourseModuleSuccess { module { id position } } } }`,
  createLesson: `mutation($moduleId: ID!, $input: CourseLessonInput!) { createCourseLesson(moduleId: $moduleId, input: $input) { ${RESULT} ... on CourseLessonSuccess { lesson { ${LESSON_FIELDS} } } } }`,
  enrol: `mutation($courseId: ID!, $contactIds: [ID!]!, $invite: Boolean) { enrolInCourse(courseId: $courseId, contactIds: $contactIds, inviteToPortal: $invite) { ${RESULT} ... on EnrolInCourseSuccess { enrolments { id contactId status progressPercent } } } }`,
  unenrol: `mutation($courseId: ID!, $contactIds: [ID!]!) { unenrolFromCourse(courseId: $courseId, contactIds: $contactIds) { ${RESULT} ... on UnenrolFromCourseSuccess { enrolments { id status } } } }`,
  open: `mutation($id: ID!) { openCourseLesson(lessonId: $id) { ${RESULT} ... on CourseProgressSuccess { completedNow lesson { id state completedAt } enrolment { progressPercent completedAt } } ... on LessonLockedError { availableAt reason } } }`,
  video: `mutation($input: CourseVideoProgressInput!) { recordCourseVideoProgress(input: $input) { ${RESULT} ... on CourseProgressSuccess { completedNow lesson { id state } enrolment { progressPercent completedAt } } ... on LessonLockedError { availableAt } } }`,
  submitQuiz: `mutation($input: SubmitCourseQuizInput!) { submitCourseQuiz(input: $input) { ${RESULT} ... on SubmitCourseQuizSuccess { attempt { id scorePercent passed correctCount answers { questionId correct correctOptionIds } } lesson { id state } enrolment { progressPercent completedAt } } } }`,
  lesson: `query($id: ID!) { courseLesson(id: $id) { ${LESSON_FIELDS} ${CONTENT} } }`,
  player: PLAYER,
};

/** The success's payload, or a thrown error naming the failure. */
export function ok<T = any>(result: any, key: string): T {
  if (!String(result.__typename).endsWith("Success")) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result[key] as T;
}

export interface BuiltCourse {
  courseId: string;
  moduleIds: string[];
  /** Lesson ids by name: text, video, download, quiz (module 1) and later (module 2, dripped when asked). */
  lessons: Record<string, string>;
  /** Question id → [right option id, wrong option id]. */
  quiz: { questionId: string; right: string; wrong: string }[];
}

/**
 * A published course: module 1 with a text, a video, a download and a quiz (two single-choice
 * questions, pass mark 50, retries as asked); module 2 with one text lesson, dripped as asked.
 */
export async function buildCourse(
  courses: RunningSubgraphProcess,
  tenant: Tenant,
  options: {
    drip?: { kind: string; days?: number; date?: string };
    retries?: boolean;
    certificate?: boolean;
    requireQuizPass?: boolean;
    title?: string;
  } = {},
): Promise<BuiltCourse> {
  const staff = tenant.owner.caller;
  const course = ok(
    (
      await gql(courses, staff, OPS.createCourse, {
        input: {
          title: options.title ?? "Photography basics",
          certificateEnabled: options.certificate ?? true,
          requireQuizPass: options.requireQuizPass ?? false,
        },
      })
    ).createCourse,
    "course",
  );
  const m1 = ok(
    (await gql(courses, staff, OPS.createModule, { courseId: course.id, input: { title: "Getting started" } })).createCourseModule,
    "module",
  );
  const m2 = ok(
    (await gql(courses, staff, OPS.createModule, { courseId: course.id, input: { title: "Going further", drip: options.drip ?? null } }))
      .createCourseModule,
    "module",
  );
  const lesson = async (moduleId: string, input: Record<string, unknown>) =>
    ok((await gql(courses, staff, OPS.createLesson, { moduleId, input })).createCourseLesson, "lesson").id as string;
  const text = await lesson(m1.id, { title: "Welcome", kind: "TEXT", body: "# Hello\n\nWelcome to the **course**." });
  const video = await lesson(m1.id, { title: "Light", kind: "VIDEO", video: { url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" } });
  const download = await lesson(m1.id, { title: "Worksheet", kind: "DOWNLOAD", body: "Print this." });
  const quiz = await lesson(m1.id, {
    title: "Check yourself",
    kind: "QUIZ",
    quiz: {
      passMarkPercent: 50,
      retriesAllowed: options.retries ?? true,
      questions: [
        {
          prompt: "What controls depth of field?",
          kind: "SINGLE_CHOICE",
          options: [
            { text: "Aperture", correct: true },
            { text: "White balance", correct: false },
          ],
        },
        {
          prompt: "Which is a colour temperature?",
          kind: "SINGLE_CHOICE",
          options: [
            { text: "5600K", correct: true },
            { text: "f/2.8", correct: false },
          ],
        },
      ],
    },
  });
  const later = await lesson(m2.id, { title: "Composition", kind: "TEXT", body: "Rule of thirds." });
  ok((await gql(courses, staff, OPS.publish, { id: course.id })).publishCourse, "course");
  const editor = await gql(courses, staff, OPS.lesson, { id: quiz });
  const questions = editor.courseLesson.content.questions as { id: string; options: { id: string }[]; correctOptionIds: string[] }[];
  return {
    courseId: course.id,
    moduleIds: [m1.id, m2.id],
    lessons: { text, video, download, quiz, later },
    quiz: questions.map((question) => ({
      questionId: question.id,
      right: question.correctOptionIds[0]!,
      wrong: question.options.find((option) => option.id !== question.correctOptionIds[0])!.id,
    })),
  };
}

export async function enrol(courses: RunningSubgraphProcess, tenant: Tenant, courseId: string, people: Person[], invite = false) {
  return ok(
    (await gql(courses, tenant.owner.caller, OPS.enrol, { courseId, contactIds: people.map((p) => p.id), invite })).enrolInCourse,
    "enrolments",
  );
}

/** Outbox rows of a type for one business. */
export async function outbox(courses: RunningSubgraphProcess, businessId: string, type: string) {
  const { sql } = await import("@portal/kit");
  return sql<{ type: string; payload: any }>(
    forkFor(courses.orm, businessId),
    `select type, payload from courses.outbox_event where business_id = ? and type = ? order by created_at, id`,
    [businessId, type],
  );
}
