import { randomBytes } from "node:crypto";
import type { MikroORM } from "@mikro-orm/postgresql";
import { createCoursesSubgraph } from "@portal/courses";
import { createIdentitySubgraph } from "@portal/identity";
import { type Actor, type Caller, requestTarget, runSubgraph, signCaller, type RunningSubgraphProcess } from "@portal/kit";
import { SESSION_COOKIE } from "../gateway/src/cookies.js";
import { SignedSubgraph } from "../scripts/signed-subgraph.js";
import { benchDatabase } from "./support/bench-database.js";
import { type InProcessGateway, postLoad, startInProcessGateway } from "./support/in-process-gateway.js";
import { seedDashboardParties } from "./support/dashboard-content.js";

/**
 * The course player, measured in one run:
 * - SQL statements the courses subgraph makes for the player's query (modules, lessons with the
 *   student's state of each, their enrolment and progress) on a course of 10 and one of 100 lessons:
 *   the same number means no per-lesson or per-module queries;
 * - req/s of that query for the 100-lesson course through the gateway, as the signed-in client.
 * identity, courses and the gateway run in this process (production mode); autocannon drives the
 * load from a worker thread.
 */
const CONNECTIONS = 10;
const DURATION_SECONDS = 8;
const HOST = "brightside.localhost";
export const COURSES_TARGETS = { requestsPerSecond: 150, p99Ms: 150 };

const PLAYER_QUERY = `query CoursePlayer($id: ID!) { course(id: $id) { id title description coverImageUrl certificateEnabled lessonCount currentLessonId
  myEnrolment { id status progressPercent completedLessonCount lessonCount completedAt certificate { id downloadUrl } }
  modules { id title position locked lockReason availableAt
    lessons { id title kind position state lockReason availableAt completedAt previousLessonId nextLessonId } } } }`;

export interface CoursesBenchResult {
  statementsWith10: number;
  statementsWith100: number;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

export async function coursesBench(): Promise<CoursesBenchResult> {
  const database = await benchDatabase();
  const secret = randomBytes(32).toString("hex");
  const runtime = { databaseUrl: database.url, gatewaySecret: secret, port: 0, production: true };
  const identityDefinition = createIdentitySubgraph({
    portalSecret: secret,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: 30,
    production: true,
  });
  const coursesDefinition = createCoursesSubgraph({ production: true, dripIntervalMs: 0 });
  // Courses first: it learns the demo people from identity's events.
  const courses = await runSubgraph(coursesDefinition, runtime);
  const identity = await runSubgraph(identityDefinition, runtime);
  let gateway: InProcessGateway | undefined;
  try {
    const parties = await seedDashboardParties(database.url, secret);
    const businessId = parties.business.id;
    const owner = new SignedSubgraph(courses.url, secret, businessId, { kind: "staff", id: parties.owner.id, role: "owner" }, "bench");
    const clientActor: Actor = { kind: "contact", id: parties.client.id };
    const small = await courseWithLessons(owner, "Ten lessons", 2, 5);
    const large = await courseWithLessons(owner, "A hundred lessons", 10, 10);
    for (const course of [small, large]) await enrolWhenKnown(owner, course.id, parties.client.id);
    const client = new SignedSubgraph(courses.url, secret, businessId, clientActor, "bench");
    for (const course of [small, large])
      await client.data(`mutation($id: ID!) { openCourseLesson(lessonId: $id) { __typename } }`, { id: course.firstLessonId });

    const caller: Caller = { businessId, actor: clientActor, ip: "127.0.0.1", userAgent: "bench", issuedAt: Date.now() };
    await playerStatements(courses, secret, caller, businessId, small.id); // warm-up: first-use work is not per request
    const statementsWith10 = await playerStatements(courses, secret, caller, businessId, small.id);
    const statementsWith100 = await playerStatements(courses, secret, caller, businessId, large.id);

    gateway = await startInProcessGateway(
      [
        { name: "identity", running: identity, definition: identityDefinition },
        { name: "courses", running: courses, definition: coursesDefinition },
      ],
      { secret, databaseUrl: database.url, identityUrl: identity.url },
    );
    const headers = { "content-type": "application/json", host: HOST, cookie: `${SESSION_COOKIE}=${parties.sessionToken}` };
    const body = JSON.stringify({ query: PLAYER_QUERY, variables: { id: large.id }, operationName: "CoursePlayer" });
    const check = await (await fetch(gateway.url, { method: "POST", headers, body })).json();
    const lessons = check.data?.course?.modules?.reduce((sum: number, module: { lessons: unknown[] }) => sum + module.lessons.length, 0);
    if (lessons !== 100) throw new Error(`the player through the gateway answered ${JSON.stringify(check).slice(0, 300)}`);
    const load = await postLoad(gateway.url, { headers, body }, CONNECTIONS, DURATION_SECONDS);
    return {
      statementsWith10,
      statementsWith100,
      ...load,
    };
  } finally {
    await gateway?.stop();
    await identity.stop();
    await courses.stop();
    await database.stop();
  }
}

export function printCoursesBench(result: CoursesBenchResult): void {
  const same = result.statementsWith10 === result.statementsWith100;
  console.log(
    `Course player query, SQL statements in courses: ${result.statementsWith10} with 10 lessons, ${result.statementsWith100} with 100 lessons (${same ? "same: met" : "DIFFERENT: not met"})`,
  );
  const fast = result.requestsPerSecond >= COURSES_TARGETS.requestsPerSecond && result.p99 <= COURSES_TARGETS.p99Ms && result.errors === 0;
  console.log(
    `Course player (100 lessons) through the gateway as the client (${CONNECTIONS} connections, ${DURATION_SECONDS} s): ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(2)} ms, errors ${result.errors} (target ≥ ${COURSES_TARGETS.requestsPerSecond} req/s, p99 ≤ ${COURSES_TARGETS.p99Ms} ms, no errors: ${fast ? "met" : "not met"})`,
  );
}

interface Outcome {
  __typename: string;
  message?: string;
  course?: { id: string };
  module?: { id: string };
  lesson?: { id: string };
}

/** A published course of `modules` × `perModule` lessons: texts, a video and a quiz in every module, the last module dripped. */
async function courseWithLessons(owner: SignedSubgraph, title: string, modules: number, perModule: number) {
  const ok = (outcome: Outcome, what: string) => {
    if (!outcome.__typename.endsWith("Success")) throw new Error(`${what}: ${outcome.message ?? outcome.__typename}`);
    return outcome;
  };
  const RESULT = `__typename ... on UserError { message }`;
  const created = await owner.data<{ createCourse: Outcome }>(
    `mutation($input: CourseInput!) { createCourse(input: $input) { ${RESULT} ... on CourseSuccess { course { id } } } }`,
    { input: { title, certificateEnabled: true } },
  );
  const id = ok(created.createCourse, "course").course!.id;
  let firstLessonId = "";
  for (let m = 0; m < modules; m++) {
    const drip = m === modules - 1 ? { kind: "AFTER_DAYS", days: 7 } : null;
    const module = await owner.data<{ createCourseModule: Outcome }>(
      `mutation($c: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $c, input: $input) { ${RESULT} ... on CourseModuleSuccess { module { id } } } }`,
      { c: id, input: { title: `Module ${m + 1}`, drip } },
    );
    const moduleId = ok(module.createCourseModule, "module").module!.id;
    for (let l = 0; l < perModule; l++) {
      const input =
        l === perModule - 1
          ? {
              title: `Quiz ${m + 1}`,
              kind: "QUIZ",
              quiz: {
                passMarkPercent: 50,
                retriesAllowed: true,
                questions: [
                  {
                    prompt: "Ready?",
                    kind: "SINGLE_CHOICE",
                    options: [
                      { text: "Yes", correct: true },
                      { text: "No", correct: false },
                    ],
                  },
                ],
              },
            }
          : l === 1
            ? { title: `Video ${m + 1}`, kind: "VIDEO", video: { url: "https://vimeo.com/76979871" } }
            : { title: `Lesson ${m + 1}.${l + 1}`, kind: "TEXT", body: `Text of lesson ${m + 1}.${l + 1}` };
      const lesson = await owner.data<{ createCourseLesson: Outcome }>(
        `mutation($m: ID!, $input: CourseLessonInput!) { createCourseLesson(moduleId: $m, input: $input) { ${RESULT} ... on CourseLessonSuccess { lesson { id } } } }`,
        { m: moduleId, input },
      );
      const lessonId = ok(lesson.createCourseLesson, "lesson").lesson!.id;
      firstLessonId ||= lessonId;
    }
  }
  ok(
    (await owner.data<{ publishCourse: Outcome }>(`mutation($id: ID!) { publishCourse(id: $id) { ${RESULT} } }`, { id })).publishCourse,
    "publish",
  );
  return { id, firstLessonId };
}

/** Courses learns of the client from identity's events, which may still be on their way. */
async function enrolWhenKnown(owner: SignedSubgraph, courseId: string, contactId: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const enrolled = await owner.data<{ enrolInCourse: { __typename: string } }>(
      `mutation($c: ID!, $p: ID!) { enrolInCourse(courseId: $c, contactIds: [$p], inviteToPortal: false) { __typename } }`,
      { c: courseId, p: contactId },
    );
    if (enrolled.enrolInCourse.__typename === "EnrolInCourseSuccess") return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("courses never learnt of the demo client");
}

/** The player's query sent to courses as the gateway sends it, counting the statements bound to the business (the fewest of three). */
async function playerStatements(courses: RunningSubgraphProcess, secret: string, caller: Caller, businessId: string, courseId: string) {
  const connection = (courses.orm as MikroORM).em.getDriver().getConnection() as unknown as {
    execute: (...args: unknown[]) => Promise<unknown>;
  };
  const original = connection.execute;
  let fewest = Number.POSITIVE_INFINITY;
  for (let sample = 0; sample < 3; sample++) {
    let statements = 0;
    connection.execute = function (this: unknown, ...args: unknown[]) {
      if (Array.isArray(args[1]) && args[1].includes(businessId)) statements++;
      return original.apply(this, args);
    };
    try {
      const body = JSON.stringify({ query: PLAYER_QUERY, variables: { id: courseId } });
      const response = await fetch(courses.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...signCaller(secret, { ...caller, issuedAt: Date.now() }, { method: "POST", path: requestTarget(courses.url), body }),
        },
        body,
      });
      const json = (await response.json()) as { data?: { course: unknown }; errors?: unknown };
      if (!json.data?.course) throw new Error(`the player query failed: ${JSON.stringify(json.errors)}`);
    } finally {
      connection.execute = original;
    }
    fewest = Math.min(fewest, statements);
  }
  if (fewest === 0) throw new Error("no SQL statement was counted: the count does not see the subgraph's queries");
  return fewest;
}
