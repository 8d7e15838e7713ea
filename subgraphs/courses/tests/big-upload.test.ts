import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, fileRequest, newTenant, startCourses, type Tenant } from "./helpers.js";

describe("large downloads", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    a = await newTenant(courses, 1);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  it("stores a 20 MB file and refuses a larger one", async () => {
    const built = await buildCourse(courses, a);
    const upload = await fileRequest(courses, a.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.alloc(20 * 1024 * 1024, 7),
      headers: { "content-type": "application/zip" },
    });
    expect(upload.status).toBe(200);
    const id = ((await upload.json()) as { id: string }).id;
    const download = await fileRequest(courses, a.owner.caller, `files/${id}`);
    expect(Buffer.from(await download.arrayBuffer()).length).toBe(20 * 1024 * 1024);
    const tooLarge = await fileRequest(courses, a.owner.caller, `lessons/${built.lessons.download}/files`, {
      method: "POST",
      body: Buffer.alloc(20 * 1024 * 1024 + 1, 7),
      headers: { "content-type": "application/zip" },
    });
    expect(tooLarge.status).toBe(413);
  });
});
