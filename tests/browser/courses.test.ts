import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { clientSignInFromEmail, staffSignIn } from "../support/browser-journeys.js";
import type { PortalClient } from "../support/http-client.js";
import { createBusiness, createContact, invite, type TestBusiness } from "../support/journeys.js";
import { seriousViolations } from "../support/axe.js";

const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
const PHONE = { width: 390, height: 844 };
/** Where the course's video lives: answered by the browser context itself, as a CDN would. */
const VIDEO_URL = "https://media.example.test/lessons/intro.mp4";

/**
 * Two seconds of silence as a WAV file: every Chromium build plays it in a <video> element and knows
 * its duration up front (no video codec needed on this machine).
 */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const out = Buffer.alloc(44 + samples);
  out.write("RIFF", 0);
  out.writeUInt32LE(36 + samples, 4);
  out.write("WAVEfmt ", 8);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate, 28);
  out.writeUInt16LE(1, 32);
  out.writeUInt16LE(8, 34);
  out.write("data", 36);
  out.writeUInt32LE(samples, 40);
  out.fill(128, 44);
  return out;
}

async function newContact(business: TestBusiness, name: string) {
  const email = `${name.split(" ")[0]!.toLowerCase()}@${business.slug}.test`;
  const id = await createContact(business.staff, { name, email });
  return { id, email, name };
}

async function staffData(staff: PortalClient, query: string, variables: Record<string, unknown>, field: string, success: string) {
  const result = (await staff.data(query, variables))[field];
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: success });
  return result;
}

/** A published course through the API: one module with a short video and a two-question quiz, a certificate on completion. */
async function publishedCourse(staff: PortalClient, contactId: string) {
  const course = await staffData(
    staff,
    `mutation($input: CourseInput!) { createCourse(input: $input) { ${RESULT} ... on CourseSuccess { course { id } } } }`,
    { input: { title: "Watercolour basics", description: "Paint your first landscape.", certificateEnabled: true } },
    "createCourse",
    "CourseSuccess",
  );
  const courseId = course.course.id as string;
  const module = await staffData(
    staff,
    `mutation($courseId: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $courseId, input: $input) { ${RESULT} ... on CourseModuleSuccess { module { id } } } }`,
    { courseId, input: { title: "First strokes" } },
    "createCourseModule",
    "CourseModuleSuccess",
  );
  const lesson = `mutation($moduleId: ID!, $input: CourseLessonInput!) { createCourseLesson(moduleId: $moduleId, input: $input) { ${RESULT} ... on CourseLessonSuccess { lesson { id } } } }`;
  await staffData(
    staff,
    lesson,
    {
      moduleId: module.module.id,
      input: { title: "Your brushes", kind: "VIDEO", video: { url: VIDEO_URL }, body: "Three brushes are enough." },
    },
    "createCourseLesson",
    "CourseLessonSuccess",
  );
  await staffData(
    staff,
    lesson,
    {
      moduleId: module.module.id,
      input: {
        title: "Check your kit",
        kind: "QUIZ",
        quiz: {
          passMarkPercent: 100,
          retriesAllowed: true,
          questions: [
            {
              prompt: "Which paper suits watercolour?",
              kind: "SINGLE_CHOICE",
              options: [
                { text: "Cold-pressed cotton paper", correct: true },
                { text: "Printer paper", correct: false },
              ],
            },
            {
              prompt: "Which colours are primaries?",
              kind: "MULTIPLE_CHOICE",
              options: [
                { text: "Red", correct: true },
                { text: "Green", correct: false },
                { text: "Blue", correct: true },
              ],
            },
          ],
        },
      },
    },
    "createCourseLesson",
    "CourseLessonSuccess",
  );
  await staffData(staff, `mutation($id: ID!) { publishCourse(id: $id) { ${RESULT} } }`, { id: courseId }, "publishCourse", "CourseSuccess");
  // Courses learns new contacts from identity's events: enrolling is retried until it knows this one.
  await expect
    .poll(
      async () =>
        (
          await staff.data(
            `mutation($courseId: ID!, $ids: [ID!]!) { enrolInCourse(courseId: $courseId, contactIds: $ids, inviteToPortal: false) { ${RESULT} } }`,
            { courseId, ids: [contactId] },
          )
        ).enrolInCourse.__typename,
      { timeout: 15_000 },
    )
    .toBe("EnrolInCourseSuccess");
  return courseId;
}

describe("courses in the browser", () => {
  const env = useBrowserPlatform();

  it("a client watches a video to the end, passes a quiz on the second try, reaches 100 % and downloads the certificate, which verifies publicly", async () => {
    const business = await createBusiness(env.platform, "Brush Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const ada = await newContact(business, "Ada Lovelace");
    await publishedCourse(business.staff, ada.id);
    const since = Date.now() - 1000;
    await invite(business.staff, ada.id);
    const page = await clientSignInFromEmail(env.browser, origin, business.staff, ada.email, since);
    await page.context().route(VIDEO_URL, (route) => route.fulfill({ status: 200, contentType: "audio/wav", body: silentWav(2) }));

    // The dashboard's card, then the course list with its progress bar.
    const card = page.getByTestId("section-card-courses");
    await card.getByText("1 course").waitFor();
    await card.getByText("Overall progress: 0%").waitFor();
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Courses" }).click();
    const listed = page.getByTestId("course-card");
    expect(await listed.getByRole("progressbar", { name: "Progress in Watercolour basics" }).getAttribute("aria-valuenow")).toBe("0");
    await listed.getByRole("link", { name: "Start course Watercolour basics" }).click();

    // The player opens the first lesson: the video, with the outline beside it.
    await page.getByRole("heading", { level: 2, name: "Your brushes" }).waitFor();
    const outline = page.getByRole("navigation", { name: "Course outline" });
    await outline.getByRole("link", { name: /Your brushes/ }).waitFor();
    expect(await outline.getByRole("link", { name: /Your brushes/ }).getAttribute("aria-current")).toBe("page");
    const video = page.getByTestId("lesson-video");
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.duration), { timeout: 10_000 }).toBeCloseTo(2, 0);
    // Watch it through (muted, two seconds): the player reports the end and the server completes the lesson at 90%.
    await video.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
    });
    await outline.getByRole("link", { name: /Your brushes.*Completed/ }).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow"), { timeout: 10_000 })
      .toBe("50");

    // The quiz: the page holds no answers before submitting; a wrong answer fails, a retry passes.
    await page.getByRole("link", { name: /^Next\W+Check your kit$/ }).click();
    await page.getByRole("heading", { level: 2, name: "Check your kit" }).waitFor();
    expect(await page.content()).not.toContain("correctOptionIds");
    const quiz = page.getByRole("form", { name: "Quiz" });
    await quiz.getByLabel("Printer paper").check();
    await quiz.getByLabel("Red").check();
    await quiz.getByRole("button", { name: "Submit answers" }).click();
    const result = page.getByTestId("quiz-result");
    await result.getByRole("heading", { name: "Not passed: 0%" }).waitFor();
    await result.getByRole("button", { name: "Try again" }).click();
    await quiz.getByLabel("Cold-pressed cotton paper").check();
    await quiz.getByLabel("Red").check();
    await quiz.getByLabel("Blue").check();
    await quiz.getByRole("button", { name: "Submit answers" }).click();
    await result.getByRole("heading", { name: "Passed: 100%" }).waitFor();

    // 100 %, the course completed, and the certificate to download.
    await expect
      .poll(() => page.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow"), { timeout: 10_000 })
      .toBe("100");
    const complete = page.getByTestId("course-complete");
    await complete.getByRole("heading", { name: "Course completed" }).waitFor();
    const downloadLink = complete.getByRole("link", { name: "Download certificate" });
    await downloadLink.waitFor({ timeout: 15_000 }).catch(async () => {
      // Issued with the completion; a reload reads it if the page asked a moment too early.
      await page.reload();
      await downloadLink.waitFor({ timeout: 10_000 });
    });
    const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const code = (await complete.locator("code").textContent())!.trim();
    expect(code.length).toBeGreaterThan(4);

    // The player is usable at phone width, and axe finds nothing serious.
    await page.setViewportSize(PHONE);
    await page.getByRole("button", { name: /Course outline/ }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);

    // Anyone (not signed in) verifies the code on the portal; a wrong code is unknown.
    const visitor = await (await env.browser.newContext()).newPage();
    await visitor.goto(`${origin}/certificates/verify/${encodeURIComponent(code)}`);
    await visitor.getByTestId("certificate-valid").getByText("Valid certificate.").waitFor();
    expect(await visitor.getByText("Ada Lovelace").count()).toBe(0);
    await visitor.getByLabel("Verification code").fill("NOT-A-REAL-CODE");
    await visitor.getByRole("button", { name: "Check code" }).click();
    await visitor.getByTestId("certificate-unknown").getByText("Not a valid certificate.").waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
  }, 120_000);

  it("staff build a course with a module and two lessons, reorder them by keyboard, publish it and enrol a contact", async () => {
    const business = await createBusiness(env.platform, "Pottery Place");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    await newContact(business, "Grace Hopper");
    const staffPage = await staffSignIn(env.browser, origin, business);

    await staffPage.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Courses" }).click();
    await staffPage.getByRole("link", { name: "New course" }).click();
    await staffPage.getByRole("heading", { level: 1, name: "New course" }).waitFor();
    await staffPage.getByLabel("Title").fill("Wheel throwing");
    await staffPage.getByLabel("Description").fill("From centring to trimming.");
    await staffPage.getByRole("button", { name: "Create course" }).click();
    await staffPage.getByRole("heading", { level: 1, name: /Wheel throwing/ }).waitFor();

    // A module, then two lessons: each opens in its editor, saved and back to the outline.
    await staffPage.getByLabel("Module title").fill("Centring");
    await staffPage.getByRole("button", { name: "Add module" }).click();
    const modules = staffPage.getByRole("list", { name: "Modules" });
    await modules.getByRole("heading", { name: /Centring/ }).waitFor();
    for (const title of ["Wedging the clay", "Coning up and down"]) {
      await modules.getByRole("button", { name: "+ Add lesson to “Centring”" }).click();
      await staffPage.getByLabel("Lesson title").fill(title);
      await staffPage.getByRole("button", { name: "Add lesson", exact: true }).click();
      await staffPage.getByRole("heading", { level: 1, name: "Edit lesson" }).waitFor();
      await staffPage.getByLabel("Lesson text (Markdown)").fill(`# ${title}\n\nPress, fold, turn.`);
      await staffPage.getByRole("button", { name: "Save lesson" }).click();
      await staffPage.getByText("Lesson saved.").waitFor();
      await staffPage.getByRole("link", { name: "Course content" }).click();
      await modules.getByRole("link", { name: title }).waitFor();
    }
    const lessonOrder = () => staffPage.getByTestId("edit-lesson").locator("a").allTextContents();
    expect(await lessonOrder()).toEqual(["Wedging the clay", "Coning up and down"]);

    // Reorder by keyboard: focus the second lesson's "Move up" button and press Enter.
    await staffPage.getByRole("button", { name: "Move “Coning up and down” up" }).focus();
    await staffPage.keyboard.press("Enter");
    await expect.poll(lessonOrder, { timeout: 10_000 }).toEqual(["Coning up and down", "Wedging the clay"]);
    await staffPage.getByText("Lesson “Coning up and down” moved to position 1 of 2.").waitFor();
    // …and back by dragging "Wedging the clay" onto the first place.
    await staffPage.getByTestId("edit-lesson").nth(1).dragTo(staffPage.getByTestId("edit-lesson").nth(0));
    await expect.poll(lessonOrder, { timeout: 10_000 }).toEqual(["Wedging the clay", "Coning up and down"]);

    // Publish, then enrol Grace from the Students page, with the portal invitation ticked by default.
    await staffPage.getByRole("button", { name: "Publish course" }).click();
    await staffPage.getByText("Published: enrolled students see it now.").waitFor();
    await staffPage.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "Students" }).click();
    await staffPage.getByRole("heading", { name: "Enrol students" }).waitFor();
    expect(await staffPage.getByLabel("Invite contacts without portal access to the portal").isChecked()).toBe(true);
    await staffPage.getByLabel("Search contacts").fill("Grace");
    await staffPage.getByLabel(/Grace Hopper/).check();
    await staffPage.getByText("1 contact will be invited.").waitFor();
    await staffPage.getByRole("button", { name: "Enrol", exact: true }).click();
    await staffPage.getByText("1 student enrolled.").waitFor();
    await staffPage.getByTestId("student-row").getByRole("link", { name: "Grace Hopper" }).waitFor();
    expect(await seriousViolations(staffPage)).toEqual([]);

    // The figures page counts her.
    await staffPage.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "Figures" }).click();
    await staffPage.getByRole("heading", { name: "Where students stop" }).waitFor();
    expect(await staffPage.locator(".course-figure", { hasText: "Enrolled" }).locator("dd").textContent()).toBe("1");
  }, 120_000);
});
