import PDFDocument from "pdfkit";

/**
 * The demo's course, made the way the business and its client make it: through courses' own GraphQL
 * API and file endpoints, with calls signed as the owner and as the client. A published course with
 * a certificate: three modules (the last dripped a week after enrolment), a video, texts, a
 * download and a quiz; the client enrolled and part-way through (the first module done but one lesson).
 */

/** One way of calling courses as one person (the platform script signs each call as the gateway would). */
export interface DemoCourseCaller {
  data<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
  upload(path: string, body: Uint8Array, fileName: string): Promise<{ status: number; body: Uint8Array }>;
}

export interface DemoCourseInput {
  staff: DemoCourseCaller;
  client: DemoCourseCaller;
  business: { name: string };
  contact: { id: string; name: string };
  /** How long to wait for courses to learn the contact from identity's events. */
  timeoutMs?: number;
  /** Called once before the first change, when there is something to add. */
  beforeChanges?: () => Promise<void>;
}

export const DEMO_COURSE_TITLE = "Brand photography basics";

interface Outcome {
  __typename: string;
  message?: string;
  course?: { id: string };
  module?: { id: string };
  lesson?: { id: string };
}

const RESULT = `__typename ... on UserError { message }`;

function expectSuccess(outcome: Outcome, what: string): Outcome {
  if (!outcome.__typename.endsWith("Success")) throw new Error(`Demo course: ${what} failed: ${outcome.message ?? outcome.__typename}`);
  return outcome;
}

interface LessonSpec {
  title: string;
  kind: "TEXT" | "VIDEO" | "DOWNLOAD" | "QUIZ";
  body?: string;
  video?: { url: string };
  quiz?: unknown;
}

const MODULES: { title: string; drip?: { kind: string; days: number }; lessons: LessonSpec[] }[] = [
  {
    title: "Getting started",
    lessons: [
      {
        title: "Welcome",
        kind: "TEXT",
        body: "## Welcome!\n\nIn this short course you will learn to take **on-brand photos** with the camera you already have.\n\n- Light and colour\n- Composition\n- Editing for a consistent look",
      },
      {
        title: "Light and colour",
        kind: "VIDEO",
        video: { url: "https://www.youtube.com/watch?v=aqz-KE-bpKQ" },
        body: "Watch how window light changes a product shot.",
      },
      { title: "Shot list", kind: "DOWNLOAD", body: "Print the shot list and keep it with your camera." },
      {
        title: "Check your understanding",
        kind: "QUIZ",
        body: "Two questions; 50% passes and you may try again.",
        quiz: {
          passMarkPercent: 50,
          retriesAllowed: true,
          questions: [
            {
              prompt: "Which light is softest for a product shot?",
              kind: "SINGLE_CHOICE",
              options: [
                { text: "Direct noon sun", correct: false },
                { text: "Window light on an overcast day", correct: true },
                { text: "The camera's flash", correct: false },
              ],
            },
            {
              prompt: "Which of these keep photos on brand? (choose all that apply)",
              kind: "MULTIPLE_CHOICE",
              options: [
                { text: "A consistent colour palette", correct: true },
                { text: "The same editing preset", correct: true },
                { text: "A different filter for every post", correct: false },
              ],
            },
          ],
        },
      },
    ],
  },
  {
    title: "Composition",
    lessons: [
      {
        title: "Framing and the rule of thirds",
        kind: "TEXT",
        body: "Place the subject on a third, not in the middle, and leave room in the direction it faces.",
      },
      { title: "Backgrounds that sell", kind: "VIDEO", video: { url: "https://vimeo.com/76979871" } },
    ],
  },
  {
    title: "Editing for a consistent look",
    drip: { kind: "AFTER_DAYS", days: 7 },
    lessons: [
      {
        title: "Building your preset",
        kind: "TEXT",
        body: "Start from a neutral white balance, then adjust contrast and one signature colour.",
      },
    ],
  },
];

/** A one-page PDF shot list for the download lesson. */
function shotListPdf(businessName: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: "Shot list", Author: businessName } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("Helvetica-Bold").fontSize(20).text(`${businessName}: shot list`);
  doc.moveDown().font("Helvetica").fontSize(12);
  for (const shot of [
    "Hero product shot on a plain background",
    "Detail of the texture",
    "Product in use",
    "Flat lay with brand colours",
    "Team at work",
  ])
    doc.text(`[ ]  ${shot}`).moveDown(0.5);
  doc.end();
  return done;
}

/**
 * Creates the demo course and the client's progress unless a course of that title exists already,
 * so a second run adds nothing. Returns how many courses were created (0 or 1).
 */
export async function seedDemoCourse(input: DemoCourseInput): Promise<number> {
  const { staff, client } = input;
  const listed = await staff.data<{ courses: { edges: { node: { id: string; title: string } }[] } }>(
    `query { courses(first: 100, search: ${JSON.stringify(DEMO_COURSE_TITLE)}) { edges { node { id title } } } }`,
  );
  if (listed.courses.edges.some((edge) => edge.node.title === DEMO_COURSE_TITLE)) return 0;
  await input.beforeChanges?.();

  const created = await staff.data<{ createCourse: Outcome }>(
    `mutation($input: CourseInput!) { createCourse(input: $input) { ${RESULT} ... on CourseSuccess { course { id } } } }`,
    {
      input: {
        title: DEMO_COURSE_TITLE,
        description: `Take on-brand photos for ${input.business.name}'s clients' websites and social media, with the camera you already have.`,
        certificateEnabled: true,
      },
    },
  );
  const courseId = expectSuccess(created.createCourse, "creating the course").course!.id;
  const lessons = new Map<string, string>();
  for (const module of MODULES) {
    const made = await staff.data<{ createCourseModule: Outcome }>(
      `mutation($courseId: ID!, $input: CourseModuleInput!) { createCourseModule(courseId: $courseId, input: $input) { ${RESULT} ... on CourseModuleSuccess { module { id } } } }`,
      { courseId, input: { title: module.title, drip: module.drip ?? null } },
    );
    const moduleId = expectSuccess(made.createCourseModule, `adding "${module.title}"`).module!.id;
    for (const lesson of module.lessons) {
      const added = await staff.data<{ createCourseLesson: Outcome }>(
        `mutation($moduleId: ID!, $input: CourseLessonInput!) { createCourseLesson(moduleId: $moduleId, input: $input) { ${RESULT} ... on CourseLessonSuccess { lesson { id } } } }`,
        { moduleId, input: lesson },
      );
      lessons.set(lesson.title, expectSuccess(added.createCourseLesson, `adding "${lesson.title}"`).lesson!.id);
    }
  }
  const uploaded = await staff.upload(`lessons/${lessons.get("Shot list")}/files`, await shotListPdf(input.business.name), "Shot list.pdf");
  if (uploaded.status !== 200) throw new Error(`Demo course: the shot list was refused (${uploaded.status})`);
  expectSuccess(
    (await staff.data<{ publishCourse: Outcome }>(`mutation($id: ID!) { publishCourse(id: $id) { ${RESULT} } }`, { id: courseId }))
      .publishCourse,
    "publishing the course",
  );

  // Courses learns of the contact from identity's events: retry until it knows them.
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  for (;;) {
    const enrolled = await staff.data<{ enrolInCourse: Outcome }>(
      `mutation($courseId: ID!, $contactIds: [ID!]!) { enrolInCourse(courseId: $courseId, contactIds: $contactIds, inviteToPortal: false) { ${RESULT} } }`,
      { courseId, contactIds: [input.contact.id] },
    );
    if (enrolled.enrolInCourse.__typename === "EnrolInCourseSuccess") break;
    if (Date.now() > deadline) expectSuccess(enrolled.enrolInCourse, "enrolling the client");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  // Part-way through: the welcome read, the first video watched, the quiz passed; the shot list not yet downloaded.
  await client.data(`mutation($id: ID!) { openCourseLesson(lessonId: $id) { ${RESULT} } }`, { id: lessons.get("Welcome") });
  await client.data(`mutation($input: CourseVideoProgressInput!) { recordCourseVideoProgress(input: $input) { ${RESULT} } }`, {
    input: { lessonId: lessons.get("Light and colour"), positionSeconds: 570, durationSeconds: 596 },
  });
  const quiz = await client.data<{ courseLesson: { content: { questions: { id: string; options: { id: string; text: string }[] }[] } } }>(
    `query($id: ID!) { courseLesson(id: $id) { content { ... on CourseQuizContent { questions { id options { id text } } } } } }`,
    { id: lessons.get("Check your understanding") },
  );
  const right = new Set(["Window light on an overcast day", "A consistent colour palette", "The same editing preset"]);
  const answers = quiz.courseLesson.content.questions.map((question) => ({
    questionId: question.id,
    optionIds: question.options.filter((option) => right.has(option.text)).map((option) => option.id),
  }));
  await client.data(`mutation($input: SubmitCourseQuizInput!) { submitCourseQuiz(input: $input) { ${RESULT} } }`, {
    input: { lessonId: lessons.get("Check your understanding"), answers },
  });
  await client.data(`mutation($id: ID!) { openCourseLesson(lessonId: $id) { ${RESULT} } }`, {
    id: lessons.get("Framing and the rule of thirds"),
  });
  return 1;
}
