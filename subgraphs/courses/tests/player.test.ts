import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, enrol, fileRequest, gql, newTenant, OPS, ok, raw, startCourses, type Tenant } from "./helpers.js";

const DAY = 24 * 60 * 60 * 1000;

/** The course player as a student sees it: drip, locks, content refused while locked, quizzes scored on the server. */
describe("course player", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    a = await newTenant(courses, 4);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  it("shows the outline with current, completed and locked lessons and their dates; drafts and other courses are hidden", async () => {
    const built = await buildCourse(courses, a, { drip: { kind: "AFTER_DAYS", days: 7 } });
    const draft = ok((await gql(courses, a.owner.caller, OPS.createCourse, { input: { title: "Not yet" } })).createCourse, "course");
    const [ada] = a.contacts as [any];
    const [enrolment] = await enrol(courses, a, built.courseId, [ada]);
    const listed = await gql(courses, ada.caller, `{ courses { totalCount edges { node { id title } } } }`);
    expect(listed.courses.edges.map((edge: any) => edge.node.id)).toEqual([built.courseId]);
    expect((await gql(courses, ada.caller, OPS.player, { id: draft.id })).course).toBeNull();

    const before = (await gql(courses, ada.caller, OPS.player, { id: built.courseId })).course;
    expect(before.lessonCount).toBe(5);
    expect(before.currentLessonId).toBe(built.lessons.text);
    const [first, second] = before.modules;
    expect(first.lessons.map((lesson: any) => lesson.state)).toEqual(["CURRENT", "AVAILABLE", "AVAILABLE", "AVAILABLE"]);
    expect(second).toMatchObject({ locked: true, lockReason: "DRIP" });
    const locked = second.lessons[0];
    expect(locked).toMatchObject({ state: "LOCKED", lockReason: "DRIP", previousLessonId: built.lessons.quiz, nextLessonId: null });
    const opens = new Date(locked.availableAt).getTime();
    expect(Math.abs(opens - (Date.now() + 7 * DAY))).toBeLessThan(60_000);

    ok((await gql(courses, ada.caller, OPS.open, { id: built.lessons.text })).openCourseLesson, "lesson");
    const after = (await gql(courses, ada.caller, OPS.player, { id: built.courseId })).course;
    expect(after.modules[0].lessons.map((lesson: any) => lesson.state)).toEqual(["COMPLETED", "CURRENT", "AVAILABLE", "AVAILABLE"]);
    expect(after.myEnrolment).toMatchObject({ progressPercent: 20, completedLessonCount: 1, lessonCount: 5 });

    // Staff see every lesson open and the student's progress.
    const staffView = await gql(
      courses,
      a.owner.caller,
      `query($id: ID!) { course(id: $id) { modules { locked lessons { state } } enrolments { totalCount edges { node { id progressPercent student { name } } } }
        figures { enrolled started completed lessons { lessonId completedCount completionPercent } } } }`,
      { id: built.courseId },
    );
    expect(
      staffView.course.modules.every((module: any) => !module.locked && module.lessons.every((l: any) => l.state === "AVAILABLE")),
    ).toBe(true);
    expect(staffView.course.enrolments.edges[0].node).toMatchObject({
      id: enrolment.id,
      progressPercent: 20,
      student: { name: "Ada Lovelace" },
    });
    expect(staffView.course.figures).toMatchObject({ enrolled: 1, started: 1, completed: 0 });
    expect(staffView.course.figures.lessons[0]).toMatchObject({ lessonId: built.lessons.text, completedCount: 1, completionPercent: 100 });
  });

  it("refuses locked content (no content, no progress) until it opens or staff unlock it early", async () => {
    const built = await buildCourse(courses, a, { drip: { kind: "ON_DATE", date: new Date(Date.now() + 3 * DAY).toISOString() } });
    const [, grace] = a.contacts as [any, any];
    const [enrolment] = await enrol(courses, a, built.courseId, [grace]);
    const lesson = await gql(courses, grace.caller, OPS.lesson, { id: built.lessons.later });
    expect(lesson.courseLesson.state).toBe("LOCKED");
    expect(lesson.courseLesson.content).toMatchObject({ __typename: "LessonLockedError", reason: "DRIP" });
    expect(lesson.courseLesson.content).not.toHaveProperty("html");
    const open = await gql(courses, grace.caller, OPS.open, { id: built.lessons.later });
    expect(open.openCourseLesson).toMatchObject({ __typename: "LessonLockedError", reason: "DRIP" });
    // The lesson's text appears nowhere in what the student can read.
    const everything = await raw(
      courses,
      grace.caller,
      `query($id: ID!) { course(id: $id) { modules { lessons { id title content { __typename ... on CourseTextContent { html } } } } } }`,
      {
        id: built.courseId,
      },
    );
    expect(JSON.stringify(everything)).not.toContain("Rule of thirds");

    const unlocked = await gql(
      courses,
      a.owner.caller,
      `mutation($input: UnlockCourseContentInput!) { unlockCourseContentEarly(input: $input) { __typename } }`,
      { input: { enrolmentId: enrolment.id, moduleId: built.moduleIds[1] } },
    );
    expect(unlocked.unlockCourseContentEarly.__typename).toBe("CourseEnrolmentSuccess");
    const now = await gql(courses, grace.caller, OPS.lesson, { id: built.lessons.later });
    expect(now.courseLesson).toMatchObject({ state: "AVAILABLE", unlockedEarly: true, content: { __typename: "CourseTextContent" } });
    expect(now.courseLesson.content.html).toContain("Rule of thirds");
    // Another student of the same course still waits.
    const [, , alan] = a.contacts as [any, any, any];
    await enrol(courses, a, built.courseId, [alan]);
    expect((await gql(courses, alan.caller, OPS.lesson, { id: built.lessons.later })).courseLesson.state).toBe("LOCKED");
  });

  it("with requireQuizPass, the next module waits until the module's quiz is passed", async () => {
    const built = await buildCourse(courses, a, { requireQuizPass: true });
    const [, , , edsger] = a.contacts as [any, any, any, any];
    await enrol(courses, a, built.courseId, [edsger]);
    const before = await gql(courses, edsger.caller, OPS.lesson, { id: built.lessons.later });
    expect(before.courseLesson).toMatchObject({ state: "LOCKED", lockReason: "MODULE_QUIZ", availableAt: null });
    const answers = built.quiz.map((q) => ({ questionId: q.questionId, optionIds: [q.right] }));
    ok(
      (await gql(courses, edsger.caller, OPS.submitQuiz, { input: { lessonId: built.lessons.quiz, answers } })).submitCourseQuiz,
      "attempt",
    );
    expect((await gql(courses, edsger.caller, OPS.lesson, { id: built.lessons.later })).courseLesson).toMatchObject({
      state: "CURRENT",
      lockReason: null,
    });
  });

  it("never sends quiz answers before submitting; scores on the server; keeps attempts; refuses a retry when none is allowed", async () => {
    const built = await buildCourse(courses, a, { retries: false });
    const [ada] = a.contacts as [any];
    await enrol(courses, a, built.courseId, [ada]);
    const quiz = await raw(courses, ada.caller, OPS.lesson, { id: built.lessons.quiz });
    const content = (quiz.data as any).courseLesson.content;
    expect(content.questions).toHaveLength(2);
    for (const question of content.questions) expect(question.correctOptionIds).toBeNull();
    for (const q of built.quiz) expect(JSON.stringify(quiz)).toContain(q.right); // the options themselves are there…
    expect(JSON.stringify(quiz)).not.toMatch(/"correct"\s*:\s*true/); // …but nothing says which is right

    // Half right: 50% meets the pass mark of 50. A wrong-option id from another question is refused.
    const bad = await gql(courses, ada.caller, OPS.submitQuiz, {
      input: { lessonId: built.lessons.quiz, answers: [{ questionId: built.quiz[0]!.questionId, optionIds: [built.quiz[1]!.right] }] },
    });
    expect(bad.submitCourseQuiz).toMatchObject({ __typename: "ValidationError", field: "answers.0.optionIds" });
    const wrong = await gql(courses, ada.caller, OPS.submitQuiz, {
      input: {
        lessonId: built.lessons.quiz,
        answers: built.quiz.map((q) => ({ questionId: q.questionId, optionIds: [q.wrong] })),
        startedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    const attempt = ok(wrong.submitCourseQuiz, "attempt");
    expect(attempt).toMatchObject({ scorePercent: 0, passed: false, correctCount: 0 });
    // No retry allowed: the quiz is over, so now the right answers are shown with the attempt.
    expect(attempt.answers[0].correctOptionIds).toEqual([built.quiz[0]!.right]);
    const again = await gql(courses, ada.caller, OPS.submitQuiz, {
      input: { lessonId: built.lessons.quiz, answers: built.quiz.map((q) => ({ questionId: q.questionId, optionIds: [q.right] })) },
    });
    expect(again.submitCourseQuiz.__typename).toBe("CourseStateError");
    const after = await gql(courses, ada.caller, OPS.lesson, { id: built.lessons.quiz });
    expect(after.courseLesson.content).toMatchObject({ passed: false, canSubmit: false });
    expect(after.courseLesson.content.attempts).toHaveLength(1);
    expect(after.courseLesson.state).not.toBe("COMPLETED");
  });

  it("with retries, a failed attempt hides the answers and a passing one completes the lesson", async () => {
    const built = await buildCourse(courses, a, { retries: true });
    const [, grace] = a.contacts as [any, any];
    await enrol(courses, a, built.courseId, [grace]);
    const fail = await gql(courses, grace.caller, OPS.submitQuiz, {
      input: { lessonId: built.lessons.quiz, answers: built.quiz.map((q) => ({ questionId: q.questionId, optionIds: [q.wrong] })) },
    });
    expect(ok(fail.submitCourseQuiz, "attempt").answers[0].correctOptionIds).toBeNull();
    const pass = await gql(courses, grace.caller, OPS.submitQuiz, {
      input: {
        lessonId: built.lessons.quiz,
        answers: [
          { questionId: built.quiz[0]!.questionId, optionIds: [built.quiz[0]!.right] },
          { questionId: built.quiz[1]!.questionId, optionIds: [] },
        ],
      },
    });
    expect(pass.submitCourseQuiz).toMatchObject({ attempt: { scorePercent: 50, passed: true }, lesson: { state: "COMPLETED" } });
    const scores = await gql(
      courses,
      a.owner.caller,
      `query($id: ID!) { course(id: $id) { enrolments { edges { node { quizScores { attemptCount bestScorePercent passed } } } } } }`,
      {
        id: built.courseId,
      },
    );
    expect(scores.course.enrolments.edges[0].node.quizScores).toEqual([{ attemptCount: 2, bestScorePercent: 50, passed: true }]);
  });

  it("videos resume where the student stopped and complete at 90%; downloads complete when downloaded", async () => {
    const built = await buildCourse(courses, a);
    const [, , alan] = a.contacts as [any, any, any];
    await enrol(courses, a, built.courseId, [alan]);
    const watch = (positionSeconds: number) =>
      gql(courses, alan.caller, OPS.video, { input: { lessonId: built.lessons.video, positionSeconds, durationSeconds: 200 } });
    expect((await watch(100)).recordCourseVideoProgress).toMatchObject({ completedNow: false, lesson: { state: "CURRENT" } });
    const resume = await gql(courses, alan.caller, OPS.lesson, { id: built.lessons.video });
    expect(resume.courseLesson.content).toMatchObject({
      provider: "YOUTUBE",
      playbackUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
      resumePositionSeconds: 100,
      watchedPercent: 50,
    });
    expect((await watch(181)).recordCourseVideoProgress).toMatchObject({ completedNow: true, lesson: { state: "COMPLETED" } });
    // Going back keeps the lesson complete and the furthest point watched.
    expect((await watch(10)).recordCourseVideoProgress).toMatchObject({ completedNow: false, lesson: { state: "COMPLETED" } });
    expect((await gql(courses, alan.caller, OPS.lesson, { id: built.lessons.video })).courseLesson.content).toMatchObject({
      resumePositionSeconds: 10,
      watchedPercent: 90,
    });

    const upload = await fileRequest(courses, a.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.from("%PDF-1.4 sheet"),
      headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent("Work sheet é.pdf") },
    });
    const file = (await upload.json()) as { id: string; name: string };
    expect(file.name).toBe("Work sheet é.pdf");
    const download = await fileRequest(courses, alan.caller, `files/${file.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe("%PDF-1.4 sheet");
    expect((await gql(courses, alan.caller, OPS.lesson, { id: built.lessons.download })).courseLesson.state).toBe("COMPLETED");
    // A form-encoded upload (what a cross-site form could send) is refused.
    const form = await fileRequest(courses, a.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.from("a=b"),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    // Students cannot upload.
    const student = await fileRequest(courses, alan.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.from("x"),
      headers: { "content-type": "application/pdf" },
    });
    expect(student.status).toBe(404);
  });
});
