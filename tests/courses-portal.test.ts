import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { confirm, createBusiness, createContact, type TestBusiness, tokenOf } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

const databaseUrl = () => inject("databaseUrl" as never) as string;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const MAIL = `query($to: String) { devMailbox(first: 20, to: $to) { edges { node { subject text } } } }`;
const RESULT = `__typename ... on UserError { message }`;

/**
 * The courses section through the gateway, as people use it: staff build and publish a course and
 * enrol a contact (identity invites them, the invitation opening the course; automation sends
 * "course access granted", suppressed for a DND contact), the client learns in the player (locked
 * content refused, a download through the file relay), completes the course, downloads the
 * certificate, and anyone on the business's host can verify its code.
 */
describe("courses through the gateway", () => {
  let platform: Platform;
  let business: TestBusiness;
  let other: TestBusiness;
  beforeAll(async () => {
    platform = await startPlatform(databaseUrl());
    business = await createBusiness(platform, "Course Studio");
    other = await createBusiness(platform, "Other Studio");
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("enrols, invites, emails, plays, completes and verifies", async () => {
    const { staff } = business;
    const adaEmail = `ada@${business.slug}.test`;
    const graceEmail = `grace@${business.slug}.test`;
    const ada = await createContact(staff, { name: "Ada Lovelace", email: adaEmail });
    const grace = await createContact(staff, { name: "Grace Hopper", email: graceEmail, dnd: true });

    const course = await staff.data(
      `mutation { createCourse(input: { title: "Pottery at home", certificateEnabled: true }) { ${RESULT} ... on CourseSuccess { course { id } } } }`,
    );
    const courseId = course.createCourse.course.id as string;
    const addModule = async (title: string, drip: unknown) =>
      (
        await staff.data(
          `mutation($c: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $c, input: $input) { ${RESULT} ... on CourseModuleSuccess { module { id } } } }`,
          { c: courseId, input: { title, drip } },
        )
      ).createCourseModule.module.id as string;
    const addLesson = async (moduleId: string, input: unknown) =>
      (
        await staff.data(
          `mutation($m: ID!, $input: CourseLessonInput!) { createCourseLesson(moduleId: $m, input: $input) { ${RESULT} ... on CourseLessonSuccess { lesson { id } } } }`,
          { m: moduleId, input },
        )
      ).createCourseLesson.lesson.id as string;
    const first = await addModule("Clay", null);
    const later = await addModule("Glazes", { kind: "AFTER_DAYS", days: 2 });
    const text = await addLesson(first, { title: "Wedging", kind: "TEXT", body: "Knead the clay **well**." });
    const download = await addLesson(first, { title: "Kiln chart", kind: "DOWNLOAD" });
    const locked = await addLesson(later, { title: "Secret glaze", kind: "TEXT", body: "Ash glaze recipe" });
    const uploaded = await staff.uploadPdf(
      `/files/courses/lessons/${download}/files`,
      Buffer.from("%PDF-1.4 kiln chart"),
      "Kiln chart.pdf",
    );
    expect(uploaded.status).toBe(200);
    // Any kind of file up to 20 MB (past the 10 MB of PDFs elsewhere); never as a form (CSRF).
    const archive = Buffer.alloc(12 * 1024 * 1024, 7);
    const big = await staff.uploadPdf(`/files/courses/lessons/${download}/files`, archive, "Glaze photos.zip", "application/zip");
    expect(big).toMatchObject({ status: 200, json: { name: "Glaze photos.zip", contentType: "application/zip", size: archive.length } });
    expect((await staff.uploadPdf(`/files/courses/lessons/${download}/files`, Buffer.from("a=b"), "x", "text/plain")).status).toBe(415);
    const tooBig = await staff.uploadPdf(
      `/files/courses/lessons/${download}/files`,
      Buffer.alloc(20 * 1024 * 1024 + 1),
      "big.zip",
      "application/zip",
    );
    expect(tooBig.status).toBe(413);
    // A cover image, shown to staff and (below) to the enrolled client.
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
      "hex",
    );
    expect((await staff.uploadPdf(`/files/courses/courses/${courseId}/cover`, png, "cover.png", "image/png")).status).toBe(200);
    expect(
      (await staff.data(`mutation($id: ID!) { publishCourse(id: $id) { __typename } }`, { id: courseId })).publishCourse.__typename,
    ).toBe("CourseSuccess");

    // Enrolled: Ada (no portal access) is invited, the invitation opening the course; both get "access granted", Grace's suppressed (DND).
    await until(
      () =>
        staff.data(`mutation($c: ID!, $p: [ID!]!) { enrolInCourse(courseId: $c, contactIds: $p) { __typename } }`, {
          c: courseId,
          p: [ada, grace],
        }),
      (data) => data.enrolInCourse.__typename === "EnrolInCourseSuccess",
      "courses to know the contacts",
    );
    const mails = await until(
      async () => (await staff.data(MAIL, { to: adaEmail })).devMailbox.edges.map((edge: any) => edge.node),
      (messages: any[]) => messages.some((m) => /token=/.test(m.text)) && messages.some((m) => /Pottery at home/.test(m.subject)),
      "Ada's invitation and welcome",
    );
    const welcome = mails.find((m: any) => /Pottery at home/.test(m.subject));
    expect(welcome.text).toContain(`/courses/${courseId}`);
    const link = mails.map((m: any) => m.text.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+(?:&next=[^\s&]+)?/)?.[0]).find(Boolean)!;
    expect(decodeURIComponent(new URL(link).searchParams.get("next") ?? "")).toBe(`/courses/${courseId}`);
    const log = await until(
      async () =>
        (
          await staff.data(`query($s: String) { emailLog(first: 20, search: $s) { edges { node { template status } } } }`, {
            s: graceEmail,
          })
        ).emailLog.edges.map((edge: any) => edge.node),
      (rows: any[]) => rows.some((row) => row.template === "COURSE_ACCESS_GRANTED"),
      "Grace's email log",
    );
    expect(log).toContainEqual({ template: "COURSE_ACCESS_GRANTED", status: "SUPPRESSED" });

    // Ada signs in and learns.
    const client = platform.client(business.host);
    expect((await confirm(client, tokenOf(link))).confirmSignIn.__typename).toBe("SignInSuccess");
    const listed = await client.data(
      `{ courses { edges { node { id title coverImageUrl } } } viewer { contact { courseSummary { courseCount progressPercent } } } }`,
    );
    const cover = await client.download(listed.courses.edges[0].node.coverImageUrl);
    expect(cover.status).toBe(200);
    expect(cover.bytes.equals(png)).toBe(true);
    expect((await other.staff.download(listed.courses.edges[0].node.coverImageUrl)).status).toBe(404);
    expect(listed.courses.edges.map((edge: any) => edge.node.id)).toEqual([courseId]);
    expect(listed.viewer.contact.courseSummary).toEqual({ courseCount: 1, progressPercent: 0 });
    const lockedLesson = await client.data(
      `query($id: ID!) { courseLesson(id: $id) { state availableAt content { __typename ... on CourseTextContent { html } } } }`,
      { id: locked },
    );
    expect(lockedLesson.courseLesson).toMatchObject({ state: "LOCKED", content: { __typename: "LessonLockedError" } });
    expect(JSON.stringify(lockedLesson)).not.toContain("Ash glaze");
    const opened = await client.data(
      `mutation($id: ID!) { openCourseLesson(lessonId: $id) { __typename ... on CourseProgressSuccess { completedNow } } }`,
      {
        id: text,
      },
    );
    expect(opened.openCourseLesson).toEqual({ __typename: "CourseProgressSuccess", completedNow: true });
    const content = await client.data(
      `query($id: ID!) { courseLesson(id: $id) { content { ... on CourseDownloadContent { files { url name } } } } }`,
      { id: download },
    );
    expect(content.courseLesson.content.files.map((f: any) => f.name)).toEqual(["Kiln chart.pdf", "Glaze photos.zip"]);
    const file = content.courseLesson.content.files[0];
    const got = await client.download(file.url);
    expect(got.status).toBe(200);
    expect(got.bytes.toString()).toBe("%PDF-1.4 kiln chart");
    expect(got.headers.get("content-disposition")).toContain("Kiln chart.pdf");
    // Another business's staff cannot fetch it through the gateway.
    expect((await other.staff.download(file.url)).status).toBe(404);

    // Staff open the dripped module early for Ada; she completes the course and gets the certificate.
    const students = await staff.data(`query($id: ID!) { course(id: $id) { enrolments { edges { node { id contactId } } } } }`, {
      id: courseId,
    });
    const enrolmentId = students.course.enrolments.edges.find((edge: any) => edge.node.contactId === ada).node.id;
    await staff.data(`mutation($e: ID!, $m: ID!) { unlockCourseContentEarly(input: { enrolmentId: $e, moduleId: $m }) { __typename } }`, {
      e: enrolmentId,
      m: later,
    });
    const done = await client.data(
      `mutation($id: ID!) { openCourseLesson(lessonId: $id) { __typename ... on CourseProgressSuccess { enrolment { progressPercent completedAt certificate { code downloadUrl } } } } }`,
      { id: locked },
    );
    const enrolment = done.openCourseLesson.enrolment;
    expect(enrolment.progressPercent).toBe(100);
    const pdf = await client.download(enrolment.certificate.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // Anyone on the business's host can check the code; on another business's host it is unknown.
    const verify = `query($code: String!) { verifyCourseCertificate(code: $code) { valid } }`;
    const anonymous = platform.client(business.host);
    expect((await anonymous.data(verify, { code: enrolment.certificate.code })).verifyCourseCertificate.valid).toBe(true);
    expect((await platform.client(other.host).data(verify, { code: enrolment.certificate.code })).verifyCourseCertificate.valid).toBe(
      false,
    );
  });
});
