import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltCourse, buildCourse, enrol, fileRequest, gql, newTenant, OPS, ok, raw, startCourses, type Tenant } from "./helpers.js";

/**
 * Two businesses: no course, module, lesson, enrolment, attempt, file or certificate of one can be
 * read or changed from the other, by id or through `_entities`; and inside one business a contact
 * not enrolled (or unenrolled) is treated exactly like a stranger.
 */
describe("courses across businesses and students", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let built: BuiltCourse;
  let theirs: { enrolmentId: string; fileId: string; certificateId: string; certificateCode: string; attemptId: string };

  beforeAll(async () => {
    courses = await startCourses();
    [a, b] = await Promise.all([newTenant(courses), newTenant(courses)]);
    built = await buildCourse(courses, a);
    const [ada] = a.contacts as [any];
    const [enrolment] = await enrol(courses, a, built.courseId, [ada]);
    const upload = await fileRequest(courses, a.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.from("%PDF-1.4 worksheet"),
      headers: { "content-type": "application/pdf", "x-file-name": "worksheet.pdf" },
    });
    expect(upload.status).toBe(200);
    const fileId = ((await upload.json()) as { id: string }).id;
    // Ada completes the course: every lesson, the dripless second module included.
    await gql(courses, ada.caller, OPS.open, { id: built.lessons.text });
    await gql(courses, ada.caller, OPS.video, { input: { lessonId: built.lessons.video, positionSeconds: 95, durationSeconds: 100 } });
    expect((await fileRequest(courses, ada.caller, `files/${fileId}`)).status).toBe(200);
    const submitted = await gql(courses, ada.caller, OPS.submitQuiz, {
      input: { lessonId: built.lessons.quiz, answers: built.quiz.map((q) => ({ questionId: q.questionId, optionIds: [q.right] })) },
    });
    const attemptId = ok(submitted.submitCourseQuiz, "attempt").id;
    const last = await gql(courses, ada.caller, OPS.open, { id: built.lessons.later });
    expect(last.openCourseLesson.enrolment.completedAt).not.toBeNull();
    const player = await gql(courses, ada.caller, OPS.player, { id: built.courseId });
    const certificate = player.course.myEnrolment.certificate;
    theirs = { enrolmentId: enrolment.id, fileId, certificateId: certificate.id, certificateCode: certificate.code, attemptId };
  });
  afterAll(async () => {
    await courses?.stop();
  });

  const strangers = () => {
    const [ada, , alan] = a.contacts as [any, any, any];
    return {
      "B's owner": b.owner.caller,
      "B's contact": b.contacts[0]!.caller,
      "B's contact with A's student's id": { ...b.contacts[0]!.caller, actor: { kind: "contact" as const, id: ada.id } },
      "A's contact who is not enrolled": alan.caller,
    };
  };

  it("reads: courses, lessons, enrolments, certificates and entities are invisible", async () => {
    for (const [who, caller] of Object.entries(strangers())) {
      const read = await gql(
        courses,
        caller,
        `query($course: ID!, $lesson: ID!, $enrolment: ID!) {
          course(id: $course) { id } courseLesson(id: $lesson) { id } courseEnrolment(id: $enrolment) { id }
          _entities(representations: [{ __typename: "Course", id: $course }, { __typename: "CourseLesson", id: $lesson }]) { __typename ... on Course { id } ... on CourseLesson { id } }
        }`,
        { course: built.courseId, lesson: built.lessons.quiz, enrolment: theirs.enrolmentId },
      );
      expect(read, who).toEqual({ course: null, courseLesson: null, courseEnrolment: null, _entities: [null, null] });
      const listed =
        caller.actor.kind === "contact" ? await gql(courses, caller, `{ courses { totalCount edges { node { id } } } }`) : null;
      if (listed) expect(listed.courses.totalCount, who).toBe(0);
    }
    // B's staff list only B's courses.
    const list = await gql(courses, b.owner.caller, `{ courses { edges { node { id } } } }`);
    expect(list.courses.edges.map((edge: any) => edge.node.id)).not.toContain(built.courseId);
    // A contact of A as a Contact entity: only for themself or A's staff.
    const contactEntity = `query($id: ID!) { _entities(representations: [{ __typename: "Contact", id: $id }]) { ... on Contact { id courseSummary { courseCount } } } }`;
    expect((await gql(courses, b.owner.caller, contactEntity, { id: a.contacts[0]!.id }))._entities).toEqual([null]);
    expect((await gql(courses, a.owner.caller, contactEntity, { id: a.contacts[0]!.id }))._entities[0].courseSummary.courseCount).toBe(1);
  });

  it("writes: every mutation on another business's ids is not found", async () => {
    const staff = b.owner.caller;
    const [ada] = a.contacts as [any];
    const moduleId = built.moduleIds[0]!;
    const results = await gql(
      courses,
      staff,
      `mutation($c: ID!, $m: ID!, $l: ID!, $f: ID!, $cert: ID!, $e: ID!, $ada: ID!) {
        updateCourse(id: $c, input: { title: "Mine" }) { __typename }
        publishCourse(id: $c) { __typename }
        unpublishCourse(id: $c) { __typename }
        deleteCourse(id: $c) { __typename }
        createCourseModule(courseId: $c, input: { title: "x" }) { __typename }
        updateCourseModule(id: $m, input: { title: "x" }) { __typename }
        deleteCourseModule(id: $m) { __typename }
        reorderCourseModules(courseId: $c, moduleIds: [$m]) { __typename }
        createCourseLesson(moduleId: $m, input: { title: "x", kind: TEXT, body: "x" }) { __typename }
        updateCourseLesson(id: $l, input: { title: "x", kind: TEXT, body: "x" }) { __typename }
        deleteCourseLesson(id: $l) { __typename }
        reorderCourseLessons(moduleId: $m, lessonIds: [$l]) { __typename }
        deleteCourseLessonFile(id: $f) { __typename }
        enrolInCourse(courseId: $c, contactIds: [$ada]) { __typename }
        unenrolFromCourse(courseId: $c, contactIds: [$ada]) { __typename }
        unlockCourseContentEarly(input: { enrolmentId: $e, lessonId: $l }) { __typename }
        revokeCourseCertificate(id: $cert) { __typename }
      }`,
      {
        c: built.courseId,
        m: moduleId,
        l: built.lessons.text,
        f: theirs.fileId,
        cert: theirs.certificateId,
        e: theirs.enrolmentId,
        ada: ada.id,
      },
    );
    for (const [field, value] of Object.entries(results)) expect((value as any).__typename, field).toBe("NotFoundError");
    // B enrolling A's contact in B's own course: the contact is not one of B's.
    const mine = await buildCourse(courses, b, { title: "B's course" });
    const enrolled = await gql(courses, staff, OPS.enrol, { courseId: mine.courseId, contactIds: [ada.id] });
    expect(enrolled.enrolInCourse).toMatchObject({ __typename: "ValidationError", field: "contactIds.0" });
    // A's course is untouched.
    const still = await gql(courses, a.owner.caller, `query($id: ID!) { course(id: $id) { title status modules { id } } }`, {
      id: built.courseId,
    });
    expect(still.course).toMatchObject({ title: "Photography basics", status: "PUBLISHED" });
    expect(still.course.modules).toHaveLength(2);
  });

  it("students' writes on another business's lessons are not found", async () => {
    const [ada] = a.contacts as [any];
    const impostor = { ...b.contacts[0]!.caller, actor: { kind: "contact" as const, id: ada.id } };
    for (const caller of [b.contacts[0]!.caller, impostor]) {
      const results = await gql(
        courses,
        caller,
        `mutation($l: ID!, $v: ID!, $q: ID!) {
          openCourseLesson(lessonId: $l) { __typename }
          recordCourseVideoProgress(input: { lessonId: $v, positionSeconds: 1, durationSeconds: 10 }) { __typename }
          submitCourseQuiz(input: { lessonId: $q, answers: [] }) { __typename }
        }`,
        { l: built.lessons.text, v: built.lessons.video, q: built.lessons.quiz },
      );
      for (const [field, value] of Object.entries(results)) expect((value as any).__typename, field).toBe("NotFoundError");
    }
  });

  it("files and certificates: 404 to anyone outside; the verification answers only on the business's own host", async () => {
    const [ada] = a.contacts as [any];
    const impostor = { ...b.contacts[0]!.caller, actor: { kind: "contact" as const, id: ada.id } };
    for (const caller of [b.owner.caller, b.contacts[0]!.caller, impostor, a.contacts[2]!.caller]) {
      for (const path of [`files/${theirs.fileId}`, `certificates/${theirs.certificateId}.pdf`, `courses/${built.courseId}/cover`])
        expect((await fileRequest(courses, caller, path)).status, path).toBe(404);
    }
    const upload = await fileRequest(courses, b.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.from("x"),
      headers: { "content-type": "application/pdf" },
    });
    expect(upload.status).toBe(404);
    expect((await fileRequest(courses, ada.caller, `certificates/${theirs.certificateId}.pdf`)).status).toBe(200);
    const verify = `query($code: String!) { verifyCourseCertificate(code: $code) { valid } }`;
    const anonymousA = {
      businessId: a.businessId,
      actor: { kind: "anonymous" as const, id: null },
      ip: "127.0.0.1",
      userAgent: "test",
      issuedAt: Date.now(),
    };
    const anonymousB = { ...anonymousA, businessId: b.businessId };
    expect((await gql(courses, anonymousA, verify, { code: theirs.certificateCode.toLowerCase() })).verifyCourseCertificate.valid).toBe(
      true,
    );
    expect((await gql(courses, anonymousB, verify, { code: theirs.certificateCode })).verifyCourseCertificate.valid).toBe(false);
    // Attempts are only ever shown to their student (and A's staff): B's staff see no quiz scores of A.
    const scores = await raw(courses, b.owner.caller, `query($e: ID!) { courseEnrolment(id: $e) { quizScores { attemptCount } } }`, {
      e: theirs.enrolmentId,
    });
    expect(scores.data).toEqual({ courseEnrolment: null });
    expect(theirs.attemptId).toBeTruthy();
  });

  it("unenrolled students no longer see the course, and keep their progress when enrolled again", async () => {
    const [ada] = a.contacts as [any];
    ok(
      (await gql(courses, a.owner.caller, OPS.unenrol, { courseId: built.courseId, contactIds: [ada.id] })).unenrolFromCourse,
      "enrolments",
    );
    expect((await gql(courses, ada.caller, OPS.player, { id: built.courseId })).course).toBeNull();
    expect((await gql(courses, ada.caller, `{ courses { totalCount } }`)).courses.totalCount).toBe(0);
    const open = await gql(courses, ada.caller, OPS.open, { id: built.lessons.text });
    expect(open.openCourseLesson.__typename).toBe("NotFoundError");
    expect((await fileRequest(courses, ada.caller, `files/${theirs.fileId}`)).status).toBe(404);
    await enrol(courses, a, built.courseId, [ada]);
    const back = await gql(courses, ada.caller, OPS.player, { id: built.courseId });
    expect(back.course.myEnrolment).toMatchObject({ status: "ACTIVE", progressPercent: 100 });
  });
});
