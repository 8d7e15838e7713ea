import { graphql } from "../../../gql";

export const PortalCoursesDocument = graphql(`
  query PortalCourses {
    courses(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          description
          coverImageUrl
          lessonCount
          currentLessonId
          certificateEnabled
          myEnrolment { ...CourseMyEnrolmentFields }
        }
      }
    }
  }
`);

/** The course player's frame: the outline with the student's state, and their progress. */
export const PortalCourseDocument = graphql(`
  query PortalCourse($id: ID!) {
    course(id: $id) {
      id
      title
      description
      coverImageUrl
      certificateEnabled
      requireQuizPass
      lessonCount
      currentLessonId
      modules { ...CourseOutlineModuleFields }
      myEnrolment { ...CourseMyEnrolmentFields }
    }
  }
`);

/** One lesson with its content for its kind; quiz questions come without their answers. */
export const PortalCourseLessonDocument = graphql(`
  query PortalCourseLesson($id: ID!) {
    courseLesson(id: $id) {
      ...CourseOutlineLessonFields
      previousLessonId
      nextLessonId
      content {
        __typename
        ... on CourseVideoContent { provider url playbackUrl resumePositionSeconds watchedPercent html }
        ... on CourseTextContent { html }
        ... on CourseDownloadContent { html files { id name contentType size url } }
        ... on CourseQuizContent {
          html
          passMarkPercent
          retriesAllowed
          passed
          canSubmit
          questions { id position prompt kind options { id text } }
          attempts { ...CourseQuizAttemptFields }
        }
        ... on LessonLockedError { message availableAt reason }
      }
    }
  }
`);

export const CourseQuizAttemptFragment = graphql(`
  fragment CourseQuizAttemptFields on CourseQuizAttempt {
    id
    lessonId
    scorePercent
    correctCount
    questionCount
    passed
    submittedAt
    answers { questionId selectedOptionIds correct correctOptionIds }
  }
`);

export const OpenCourseLessonDocument = graphql(`
  mutation OpenCourseLesson($lessonId: ID!) {
    openCourseLesson(lessonId: $lessonId) {
      __typename
      ... on CourseProgressSuccess {
        completedNow
        lesson { ...CourseOutlineLessonFields }
        enrolment { ...CourseMyEnrolmentFields }
      }
      ... on UserError { message }
    }
  }
`);

export const RecordCourseVideoProgressDocument = graphql(`
  mutation RecordCourseVideoProgress($input: CourseVideoProgressInput!) {
    recordCourseVideoProgress(input: $input) {
      __typename
      ... on CourseProgressSuccess {
        completedNow
        lesson { ...CourseOutlineLessonFields }
        enrolment { ...CourseMyEnrolmentFields }
      }
      ... on UserError { message }
    }
  }
`);

export const SubmitCourseQuizDocument = graphql(`
  mutation SubmitCourseQuiz($input: SubmitCourseQuizInput!) {
    submitCourseQuiz(input: $input) {
      __typename
      ... on SubmitCourseQuizSuccess {
        attempt { ...CourseQuizAttemptFields }
        lesson { ...CourseOutlineLessonFields }
        enrolment { ...CourseMyEnrolmentFields }
      }
      ... on UserError { message }
    }
  }
`);

export const VerifyCourseCertificateDocument = graphql(`
  query VerifyCourseCertificate($code: String!) {
    verifyCourseCertificate(code: $code) { code valid }
  }
`);
