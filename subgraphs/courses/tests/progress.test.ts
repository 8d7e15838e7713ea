import { courses as contracts } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, enrol, fileRequest, gql, newTenant, OPS, outbox, startCourses, type Tenant } from "./helpers.js";

/** Progress under concurrency: each completion counts once, the course completes once, one certificate. */
describe("progress and completion", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    a = await newTenant(courses, 3);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  it("twenty concurrent completions of the same lesson count once", async () => {
    const built = await buildCourse(courses, a);
    const [ada] = a.contacts as [any];
    await enrol(courses, a, built.courseId, [ada]);
    const results = await Promise.all(Array.from({ length: 20 }, () => gql(courses, ada.caller, OPS.open, { id: built.lessons.text })));
    expect(results.filter((result) => result.openCourseLesson.completedNow)).toHaveLength(1);
    const player = await gql(courses, ada.caller, OPS.player, { id: built.courseId });
    expect(player.course.myEnrolment).toMatchObject({ completedLessonCount: 1, progressPercent: 20 });
  });

  it("the last lessons completed at once complete the course once, with one certificate and one event", async () => {
    const built = await buildCourse(courses, a, { certificate: true });
    const [, grace] = a.contacts as [any, any];
    await enrol(courses, a, built.courseId, [grace]);
    const upload = await fileRequest(courses, a.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.from("%PDF-1.4 x"),
      headers: { "content-type": "application/pdf" },
    });
    const fileId = ((await upload.json()) as { id: string }).id;
    const answers = built.quiz.map((q) => ({ questionId: q.questionId, optionIds: [q.right] }));
    // Every lesson at once, each several times.
    await Promise.all(
      [0, 1, 2].flatMap(() => [
        gql(courses, grace.caller, OPS.open, { id: built.lessons.text }),
        gql(courses, grace.caller, OPS.open, { id: built.lessons.later }),
        gql(courses, grace.caller, OPS.video, { input: { lessonId: built.lessons.video, positionSeconds: 60, durationSeconds: 60 } }),
        fileRequest(courses, grace.caller, `files/${fileId}`),
        gql(courses, grace.caller, OPS.submitQuiz, { input: { lessonId: built.lessons.quiz, answers } }),
      ]),
    );
    const player = await gql(courses, grace.caller, OPS.player, { id: built.courseId });
    expect(player.course.myEnrolment).toMatchObject({ progressPercent: 100, completedLessonCount: 5 });
    expect(player.course.myEnrolment.completedAt).not.toBeNull();
    const completed = (await outbox(courses, a.businessId, contracts.courseCompleted.name)).filter(
      (row) => row.payload.courseId === built.courseId,
    );
    expect(completed).toHaveLength(1);
    const certificate = player.course.myEnrolment.certificate;
    expect(completed[0]!.payload.certificateCode).toBe(certificate.code);
    expect(contracts.courseCompleted.payload.safeParse(completed[0]!.payload).success).toBe(true);
    // Only one attempt passed; a further one is refused.
    const more = await gql(courses, grace.caller, OPS.submitQuiz, { input: { lessonId: built.lessons.quiz, answers } });
    expect(more.submitCourseQuiz.__typename).toBe("CourseStateError");
    // Completing again changes nothing: no second completion, no second certificate.
    await gql(courses, grace.caller, OPS.open, { id: built.lessons.text });
    const again = await gql(courses, grace.caller, OPS.player, { id: built.courseId });
    expect(again.course.myEnrolment.certificate.code).toBe(certificate.code);
    expect(again.course.myEnrolment.completedAt).toBe(player.course.myEnrolment.completedAt);
    expect(
      (await outbox(courses, a.businessId, contracts.courseCompleted.name)).filter((row) => row.payload.courseId === built.courseId),
    ).toHaveLength(1);

    // The certificate PDF: branding, student, course, date and code.
    const pdf = await fileRequest(courses, grace.caller, certificate.downloadUrl.replace("/files/courses/", ""));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    for (const expected of [
      "Grace Hopper",
      "Photography basics",
      certificate.code,
      `Biz ${a.businessId.slice(0, 8)}`,
      "Certificate of completion",
    ])
      expect(text).toContain(expected);

    // Revoked, the code no longer verifies.
    const verify = `query($code: String!) { verifyCourseCertificate(code: $code) { valid } }`;
    expect((await gql(courses, grace.caller, verify, { code: certificate.code })).verifyCourseCertificate.valid).toBe(true);
    await gql(courses, a.owner.caller, `mutation($id: ID!) { revokeCourseCertificate(id: $id) { __typename } }`, { id: certificate.id });
    expect((await gql(courses, grace.caller, verify, { code: certificate.code })).verifyCourseCertificate.valid).toBe(false);
    expect((await gql(courses, grace.caller, verify, { code: "NOPE-NOPE-NOPE" })).verifyCourseCertificate.valid).toBe(false);
  });

  it("the dashboard summary counts the contact's published courses and overall progress", async () => {
    const [, , alan] = a.contacts as [any, any, any];
    const one = await buildCourse(courses, a, { title: "One" });
    const two = await buildCourse(courses, a, { title: "Two" });
    await enrol(courses, a, one.courseId, [alan]);
    await enrol(courses, a, two.courseId, [alan]);
    await gql(courses, alan.caller, OPS.open, { id: one.lessons.text });
    const summary = `query($id: ID!) { _entities(representations: [{ __typename: "Contact", id: $id }]) { ... on Contact { courseSummary { hasCourses courseCount completedCount progressPercent resumeCourseId } } } }`;
    const read = await gql(courses, alan.caller, summary, { id: alan.id });
    expect(read._entities[0].courseSummary).toEqual({
      hasCourses: true,
      courseCount: 2,
      completedCount: 0,
      progressPercent: 10,
      resumeCourseId: one.courseId,
    });
    const nobody = await gql(courses, a.contacts[0]!.caller, summary, { id: a.contacts[0]!.id });
    expect(nobody._entities[0].courseSummary.courseCount).toBeGreaterThanOrEqual(0);
  });
});
