import { OutboxEvent, ProcessedEvent, type SubgraphDefinition, type SubgraphDeps, withIdentityProjection } from "@portal/kit";
import { CertificateRow } from "./certificates/certificate.entity.js";
import { CourseModuleRow, CourseRow } from "./courses/course.entity.js";
import { startDripJob } from "./drip/drip-notices.js";
import { EarlyUnlockRow, EnrolmentRow } from "./enrolment/enrolment.entity.js";
import { consumeEnrolmentRequests } from "./events/enrol-requests.js";
import { COURSE_FILES, MAX_DOWNLOAD_BYTES } from "./files/course-files.js";
import { CourseFileRow, LessonRow } from "./lessons/lesson.entity.js";
import { Migration20261206100000Courses } from "./migrations/Migration20261206100000Courses.js";
import type { CoursesOptions } from "./options.js";
import { LessonProgressRow } from "./progress/lesson-progress.entity.js";
import { QuizAttemptRow, QuizQuestionRow } from "./quizzes/quiz.entity.js";
import { buildCoursesSchema } from "./schema.js";

export { readCoursesConfig } from "./config.js";
export { CoursesConfigError, type CoursesOptions } from "./options.js";
export { renderLessonMarkdown } from "./lessons/markdown.js";
export { parseVideoUrl } from "./lessons/video-url.js";
export { runDripNotices } from "./drip/drip-notices.js";
export { playerState } from "./player/player-state.js";
export { DEMO_COURSE_TITLE, type DemoCourseCaller, type DemoCourseInput, seedDemoCourse } from "./seed.js";

/** Courses: modules and lessons, enrolment, drip, progress, quizzes and certificates. */
export function createCoursesSubgraph(options: CoursesOptions): SubgraphDefinition {
  // Names, emails, DND and the business's branding and portal address: courses' copy of identity's data.
  return withIdentityProjection({
    name: "courses",
    schema: "courses",
    entities: [
      CourseRow,
      CourseModuleRow,
      LessonRow,
      CourseFileRow,
      QuizQuestionRow,
      QuizAttemptRow,
      EnrolmentRow,
      EarlyUnlockRow,
      LessonProgressRow,
      CertificateRow,
      OutboxEvent,
      ProcessedEvent,
    ],
    migrations: [{ name: "Migration20261206100000Courses", class: Migration20261206100000Courses }],
    buildSchema: (deps) => buildCoursesSchema(deps),
    // Covers, lesson downloads and certificates at `/files/courses/...` on the gateway (uploads: POST).
    files: () => COURSE_FILES,
    // Lesson downloads up to 20 MB (the gateway relays any non-form type to courses, up to the same).
    maxUploadBytes: MAX_DOWNLOAD_BYTES,
    async startWorkers(deps: SubgraphDeps) {
      await consumeEnrolmentRequests(deps);
      if (options.dripIntervalMs !== 0) startDripJob(deps, options.dripIntervalMs);
    },
  });
}
