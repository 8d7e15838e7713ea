import { countStatements, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrol, gql, newTenant, OPS, ok, startCourses, type Tenant } from "./helpers.js";

describe("the player's SQL statements", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    a = await newTenant(courses, 1);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  async function courseOf(modules: number, perModule: number): Promise<string> {
    const staff = a.owner.caller;
    const course = ok(
      (await gql(courses, staff, OPS.createCourse, { input: { title: `${modules}x${perModule}` } })).createCourse,
      "course",
    );
    for (let m = 0; m < modules; m++) {
      const drip = m === modules - 1 ? { kind: "AFTER_DAYS", days: 3 } : null;
      const module = ok(
        (await gql(courses, staff, OPS.createModule, { courseId: course.id, input: { title: `M${m}`, drip } })).createCourseModule,
        "module",
      );
      for (let l = 0; l < perModule; l++)
        ok(
          (await gql(courses, staff, OPS.createLesson, { moduleId: module.id, input: { title: `L${l}`, kind: "TEXT", body: "x" } }))
            .createCourseLesson,
          "lesson",
        );
    }
    ok((await gql(courses, staff, OPS.publish, { id: course.id })).publishCourse, "course");
    await enrol(courses, a, course.id, [a.contacts[0]!]);
    return course.id;
  }

  it("are as many for 40 lessons as for 4, for the student and for staff", async () => {
    const small = await courseOf(2, 2);
    const large = await courseOf(5, 8);
    const student = a.contacts[0]!.caller;
    const first = (await gql(courses, student, OPS.player, { id: large })).course.modules[0].lessons[0].id;
    await gql(courses, student, OPS.open, { id: first });
    for (const caller of [student, a.owner.caller]) {
      await gql(courses, caller, OPS.player, { id: small }); // warm-up
      const few = await countStatements(courses, a.businessId, () => gql(courses, caller, OPS.player, { id: small }));
      const many = await countStatements(courses, a.businessId, () => gql(courses, caller, OPS.player, { id: large }));
      expect(few).toBeGreaterThan(0);
      expect(many).toBe(few);
    }
  });
});
