import { graphql } from "../../../gql";

/** A lesson's place in the outline, with the reader's state of it (the same for the player and the builder). */
export const CourseOutlineLessonFragment = graphql(`
  fragment CourseOutlineLessonFields on CourseLesson {
    id
    courseId
    moduleId
    title
    kind
    position
    state
    lockReason
    availableAt
    unlockedEarly
    completedAt
    drip { kind days date }
  }
`);

/** A module with its lessons, as the outline shows them. */
export const CourseOutlineModuleFragment = graphql(`
  fragment CourseOutlineModuleFields on CourseModule {
    id
    courseId
    title
    position
    locked
    lockReason
    availableAt
    unlockedEarly
    drip { kind days date }
    lessons { ...CourseOutlineLessonFields }
  }
`);

/** The certificate as its student sees it. */
export const CourseCertificateFragment = graphql(`
  fragment CourseCertificateFields on CourseCertificate {
    id
    courseId
    code
    issuedAt
    revokedAt
    downloadUrl
    verificationPath
  }
`);

/** A student's own progress in a course. */
export const CourseMyEnrolmentFragment = graphql(`
  fragment CourseMyEnrolmentFields on CourseEnrolment {
    id
    courseId
    status
    enrolledAt
    startedAt
    lastActivityAt
    completedAt
    progressPercent
    completedLessonCount
    lessonCount
    certificate { ...CourseCertificateFields }
  }
`);
