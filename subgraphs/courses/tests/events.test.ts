import { courses as contracts } from "@portal/contracts";
import { deliverEvent, forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDripNotices } from "../src/index.js";
import { buildCourse, enrol, gql, newTenant, OPS, outbox, startCourses, type Tenant } from "./helpers.js";

const DAY = 24 * 60 * 60 * 1000;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("drip emails and course events", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    [a, b] = await Promise.all([newTenant(courses, 3, (index) => index === 2), newTenant(courses, 1)]);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  it("announces a dripped lesson once per student, even when the job runs twice or twice at once", async () => {
    const built = await buildCourse(courses, a, { drip: { kind: "AFTER_DAYS", days: 3 } });
    const [ada, grace] = a.contacts as [any, any];
    await enrol(courses, a, built.courseId, [ada, grace]);
    const scope = { businessId: a.businessId };
    // Before the day: nothing. On it: once, whatever the runs.
    expect(await runDripNotices(courses.orm, new Date(Date.now() + 2 * DAY), scope)).toBe(0);
    const later = new Date(Date.now() + 3 * DAY + 60_000);
    const [first, second] = await Promise.all([runDripNotices(courses.orm, later, scope), runDripNotices(courses.orm, later, scope)]);
    expect(first + second).toBe(2);
    expect(await runDripNotices(courses.orm, later, scope)).toBe(0);
    const rows = (await outbox(courses, a.businessId, contracts.lessonUnlocked.name)).filter(
      (row) => row.payload.courseId === built.courseId,
    );
    expect(rows.map((row) => row.payload.contactId).sort()).toEqual([ada.id, grace.id].sort());
    for (const row of rows) {
      expect(contracts.lessonUnlocked.payload.safeParse(row.payload).success).toBe(true);
      expect(row.payload).toMatchObject({
        lessonId: built.lessons.later,
        lessonTitle: "Composition",
        link: `${a.portalUrl}/courses/${built.courseId}/lessons/${built.lessons.later}`,
      });
    }
  });

  it("announces a lesson staff open early at once and once; the drip job does not announce it again", async () => {
    const built = await buildCourse(courses, a, { drip: { kind: "ON_DATE", date: new Date(Date.now() + DAY).toISOString() } });
    const [ada] = a.contacts as [any];
    const [enrolment] = await enrol(courses, a, built.courseId, [ada]);
    const unlock = (input: Record<string, string>) =>
      gql(
        courses,
        a.owner.caller,
        `mutation($input: UnlockCourseContentInput!) { unlockCourseContentEarly(input: $input) { __typename } }`,
        { input: { enrolmentId: enrolment.id, ...input } },
      );
    const announced = async () =>
      (await outbox(courses, a.businessId, contracts.lessonUnlocked.name)).filter((row) => row.payload.courseId === built.courseId);
    // A lesson open from the start is no news.
    expect((await unlock({ lessonId: built.lessons.text })).unlockCourseContentEarly.__typename).toBe("CourseEnrolmentSuccess");
    expect(await announced()).toHaveLength(0);
    // The dripped one is, at once; opening it (or its module) again adds nothing, nor does its date.
    await unlock({ lessonId: built.lessons.later });
    await unlock({ lessonId: built.lessons.later });
    await unlock({ moduleId: built.moduleIds[1]! });
    const rows = await announced();
    expect(rows).toHaveLength(1);
    expect(contracts.lessonUnlocked.payload.safeParse(rows[0]!.payload).success).toBe(true);
    expect(rows[0]!.payload).toMatchObject({
      contactId: ada.id,
      lessonId: built.lessons.later,
      link: `${a.portalUrl}/courses/${built.courseId}/lessons/${built.lessons.later}`,
    });
    expect(await runDripNotices(courses.orm, new Date(Date.now() + 2 * DAY), { businessId: a.businessId })).toBe(0);
    expect(await announced()).toHaveLength(1);
  });

  it("does not announce lessons open on the day the student enrolled", async () => {
    const built = await buildCourse(courses, a, { drip: { kind: "ON_DATE", date: new Date(Date.now() + DAY).toISOString() } });
    const [, , dana] = a.contacts as [any, any, any];
    // Dana enrolled after the date (simulated by moving her enrolment): nothing is news to her.
    const [late] = await enrol(courses, a, built.courseId, [dana]);
    await sql(forkFor(courses.orm, a.businessId), `update courses.enrolment set enrolled_at = now() + interval '3 days' where id = ?`, [
      late.id,
    ]);
    expect(await runDripNotices(courses.orm, new Date(Date.now() + 4 * DAY), { businessId: a.businessId })).toBe(0);
  });

  it("grants access with the invite-to-portal choice, once per enrolment, in payloads that match the contract", async () => {
    const built = await buildCourse(courses, a);
    const [ada, grace] = a.contacts as [any, any];
    await gql(courses, a.owner.caller, OPS.enrol, { courseId: built.courseId, contactIds: [ada.id], invite: true });
    await gql(courses, a.owner.caller, OPS.enrol, { courseId: built.courseId, contactIds: [grace.id, ada.id], invite: false });
    const rows = (await outbox(courses, a.businessId, contracts.accessGranted.name)).filter(
      (row) => row.payload.courseId === built.courseId,
    );
    expect(rows.map((row) => [row.payload.contactId, row.payload.inviteToPortal])).toEqual([
      [ada.id, true],
      [grace.id, false],
    ]);
    for (const row of rows) expect(contracts.accessGranted.payload.safeParse(row.payload).success).toBe(true);
    expect(rows[0]!.payload).toMatchObject({ courseTitle: "Photography basics", link: `${a.portalUrl}/courses/${built.courseId}` });
    // Unenrolled and enrolled again: access is granted again (a new email); progress is kept.
    await gql(courses, a.owner.caller, OPS.unenrol, { courseId: built.courseId, contactIds: [grace.id] });
    await gql(courses, a.owner.caller, OPS.enrol, { courseId: built.courseId, contactIds: [grace.id], invite: false });
    expect(
      (await outbox(courses, a.businessId, contracts.accessGranted.name)).filter((row) => row.payload.courseId === built.courseId),
    ).toHaveLength(3);
    // A draft cannot take students.
    const draft = (await gql(courses, a.owner.caller, OPS.createCourse, { input: { title: "Draft" } })).createCourse.course;
    expect((await gql(courses, a.owner.caller, OPS.enrol, { courseId: draft.id, contactIds: [ada.id] })).enrolInCourse.__typename).toBe(
      "CourseStateError",
    );
  });

  it("enrols on another section's request, scoped to the event's business", async () => {
    const built = await buildCourse(courses, a);
    const [, , dana] = a.contacts as [any, any, any];
    await deliverEvent(courses.boss, contracts.enrolmentRequested, a.businessId, {
      courseId: built.courseId,
      contactId: dana.id,
      source: "workflow:test",
    });
    await until(
      () => gql(courses, dana.caller, OPS.player, { id: built.courseId }),
      (data) => data.course?.myEnrolment?.status === "ACTIVE",
      "the requested enrolment",
    );
    const [granted] = (await outbox(courses, a.businessId, contracts.accessGranted.name)).filter(
      (row) => row.payload.courseId === built.courseId,
    );
    expect(granted!.payload).toMatchObject({ contactId: dana.id, inviteToPortal: true, recipient: { dnd: true } });
    // B's event naming A's course, or A's event naming B's contact: nothing happens.
    await deliverEvent(courses.boss, contracts.enrolmentRequested, b.businessId, {
      courseId: built.courseId,
      contactId: b.contacts[0]!.id,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const students = await gql(courses, a.owner.caller, `query($id: ID!) { course(id: $id) { enrolments { totalCount } } }`, {
      id: built.courseId,
    });
    expect(students.course.enrolments.totalCount).toBe(1);
  });
});
