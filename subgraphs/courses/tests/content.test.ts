import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseVideoUrl, renderLessonMarkdown } from "../src/index.js";
import { gql, newTenant, OPS, ok, startCourses, type Tenant } from "./helpers.js";

const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<img src=x onerror="alert(1)">`,
  `[click](javascript:alert(1))`,
  `<iframe src="https://evil.test"></iframe>`,
  `<a href="https://ok.test" onclick="alert(1)">x</a>`,
  `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `<style>body{display:none}</style>`,
  `<svg onload=alert(1)>`,
];

describe("lesson content", () => {
  it("renders Markdown and keeps no script, event attribute, iframe, style or javascript:/data: URL", () => {
    expect(renderLessonMarkdown("# Title\n\n**bold** [link](https://example.test)")).toBe(
      '<h1>Title</h1>\n<p><strong>bold</strong> <a href="https://example.test" rel="nofollow noopener noreferrer" target="_blank">link</a></p>',
    );
    for (const payload of PAYLOADS) {
      const html = renderLessonMarkdown(payload);
      expect(html, payload).not.toMatch(/<script|onerror|onclick|onload|javascript:|<iframe|<style|data:|<svg/i);
    }
  });

  it("accepts https MP4 and HLS files and YouTube and Vimeo links, and nothing else", () => {
    expect(parseVideoUrl("https://cdn.example.test/v/intro.mp4")).toMatchObject({ provider: "mp4" });
    expect(parseVideoUrl("https://cdn.example.test/v/master.m3u8?token=1")).toMatchObject({ provider: "hls" });
    expect(parseVideoUrl("https://youtu.be/dQw4w9WgXcQ")).toMatchObject({
      provider: "youtube",
      playbackUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    });
    expect(parseVideoUrl("https://www.youtube.com/shorts/dQw4w9WgXcQ")).toMatchObject({ provider: "youtube" });
    expect(parseVideoUrl("https://vimeo.com/76979871")).toMatchObject({
      provider: "vimeo",
      playbackUrl: "https://player.vimeo.com/video/76979871",
    });
    expect(parseVideoUrl("https://player.vimeo.com/video/76979871")).toMatchObject({ provider: "vimeo" });
    for (const bad of [
      "http://cdn.example.test/intro.mp4",
      "javascript:alert(1)",
      "https://example.test/page.html",
      "https://www.youtube.com/watch?v=<script>",
      "https://evil.test/youtube.com/watch?v=dQw4w9WgXcQ",
      "https://user:pass@cdn.example.test/a.mp4",
      "not a url",
    ])
      expect(parseVideoUrl(bad), bad).toBeNull();
  });
});

describe("lesson editing", () => {
  let courses: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    courses = await startCourses();
    a = await newTenant(courses, 1);
  });
  afterAll(async () => {
    await courses?.stop();
  });

  it("validates each kind, stores sanitised HTML, and reorders modules and lessons (also across modules)", async () => {
    const staff = a.owner.caller;
    const course = ok((await gql(courses, staff, OPS.createCourse, { input: { title: "Editing" } })).createCourse, "course");
    const m1 = ok(
      (await gql(courses, staff, OPS.createModule, { courseId: course.id, input: { title: "One" } })).createCourseModule,
      "module",
    );
    const m2 = ok(
      (await gql(courses, staff, OPS.createModule, { courseId: course.id, input: { title: "Two" } })).createCourseModule,
      "module",
    );
    const create = (moduleId: string, input: Record<string, unknown>) => gql(courses, staff, OPS.createLesson, { moduleId, input });
    expect(
      (await create(m1.id, { title: "V", kind: "VIDEO", video: { url: "https://example.test/x.html" } })).createCourseLesson,
    ).toMatchObject({
      __typename: "ValidationError",
      field: "video.url",
    });
    expect(
      (
        await create(m1.id, {
          title: "Q",
          kind: "QUIZ",
          quiz: {
            passMarkPercent: 80,
            retriesAllowed: true,
            questions: [
              {
                prompt: "?",
                kind: "SINGLE_CHOICE",
                options: [
                  { text: "a", correct: true },
                  { text: "b", correct: true },
                ],
              },
            ],
          },
        })
      ).createCourseLesson,
    ).toMatchObject({
      __typename: "ValidationError",
      field: "quiz.questions.0.options",
    });
    expect((await create(m1.id, { title: "D", kind: "TEXT", drip: { kind: "AFTER_DAYS", days: -1 } })).createCourseLesson).toMatchObject({
      __typename: "ValidationError",
    });
    const x = ok(
      (await create(m1.id, { title: "X", kind: "TEXT", body: PAYLOADS.join("\n\n") + "\n\nSafe **text**" })).createCourseLesson,
      "lesson",
    );
    const y = ok((await create(m1.id, { title: "Y", kind: "TEXT", body: "y" })).createCourseLesson, "lesson");
    const z = ok((await create(m2.id, { title: "Z", kind: "TEXT", body: "z" })).createCourseLesson, "lesson");
    const stored = await gql(courses, staff, OPS.lesson, { id: x.id });
    const source = await gql(courses, staff, `query($id: ID!) { courseLesson(id: $id) { markdown } }`, { id: x.id });
    expect(source.courseLesson.markdown).toContain("Safe **text**");
    expect(stored.courseLesson.content.html).toContain("<strong>text</strong>");
    expect(stored.courseLesson.content.html).not.toMatch(/<script|onerror|onclick|onload|javascript:|<iframe|<style|data:|<svg/i);

    const reorder = `mutation($m: ID!, $ids: [ID!]!) { reorderCourseLessons(moduleId: $m, lessonIds: $ids) { __typename ... on ValidationError { field } } }`;
    expect((await gql(courses, staff, reorder, { m: m1.id, ids: [y.id] })).reorderCourseLessons.__typename).toBe("ValidationError");
    expect((await gql(courses, staff, reorder, { m: m1.id, ids: [z.id, y.id, x.id] })).reorderCourseLessons.__typename).toBe(
      "CourseSuccess",
    );
    const modules = `mutation($c: ID!, $ids: [ID!]!) { reorderCourseModules(courseId: $c, moduleIds: $ids) { __typename ... on CourseSuccess { course { modules { id position lessons { id position } } } } } }`;
    const reordered = await gql(courses, staff, modules, { c: course.id, ids: [m2.id, m1.id] });
    expect(reordered.reorderCourseModules.course.modules).toEqual([
      { id: m2.id, position: 1, lessons: [] },
      {
        id: m1.id,
        position: 2,
        lessons: [
          { id: z.id, position: 1 },
          { id: y.id, position: 2 },
          { id: x.id, position: 3 },
        ],
      },
    ]);
  });
});
