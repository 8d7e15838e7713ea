import type { Caller, RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoCourseCaller, seedDemoCourse } from "../src/index.js";
import { fileRequest, gql, newTenant, OPS, startCourses, type Tenant } from "./helpers.js";

describe("demo course", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    a = await newTenant(courses, 1);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  const as = (caller: Caller): DemoCourseCaller => ({
    data: (query, variables) => gql(courses, caller, query, variables),
    async upload(path, body, fileName) {
      const response = await fileRequest(courses, caller, path, {
        method: "POST",
        body,
        headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent(fileName) },
      });
      return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
    },
  });

  it("is a published course with a dripped module and a quiz, the client part-way through; a second run adds nothing", async () => {
    const [alex] = a.contacts as [any];
    const input = {
      staff: as(a.owner.caller),
      client: as(alex.caller),
      business: { name: "Brightside Studio" },
      contact: { id: alex.id, name: alex.name },
    };
    expect(await seedDemoCourse(input)).toBe(1);
    expect(await seedDemoCourse(input)).toBe(0);
    const listed = await gql(courses, alex.caller, `{ courses { edges { node { id title status } } } }`);
    expect(listed.courses.edges).toHaveLength(1);
    const player = (await gql(courses, alex.caller, OPS.player, { id: listed.courses.edges[0].node.id })).course;
    expect(player.status).toBe("PUBLISHED");
    expect(player.modules.map((module: any) => module.locked)).toEqual([false, false, true]);
    expect(player.modules[0].lessons.map((lesson: any) => lesson.state)).toEqual(["COMPLETED", "COMPLETED", "AVAILABLE", "COMPLETED"]);
    expect(player.myEnrolment).toMatchObject({ completedLessonCount: 4, lessonCount: 7, progressPercent: 57 });
    expect(player.currentLessonId).toBe(player.modules[1].lessons[1].id);
  });
});
