import { graphql } from "../../../gql";

export const AdminCoursesDocument = graphql(`
  query AdminCourses($first: Int, $after: String, $search: String, $status: CourseStatus) {
    courses(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id title status coverImageUrl lessonCount updatedAt figures { enrolled completed averageProgressPercent } }
      }
    }
  }
`);

/** A course as the builder edits it: details and the outline. */
export const AdminCourseFieldsFragment = graphql(`
  fragment AdminCourseFields on Course {
    id
    title
    description
    status
    coverImageUrl
    certificateEnabled
    requireQuizPass
    publishedAt
    updatedAt
    lessonCount
    modules { ...CourseOutlineModuleFields }
  }
`);

export const AdminCourseDocument = graphql(`
  query AdminCourse($id: ID!) {
    course(id: $id) { ...AdminCourseFields }
  }
`);

export const CreateCourseDocument = graphql(`
  mutation CreateCourse($input: CourseInput!) {
    createCourse(input: $input) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const UpdateCourseDocument = graphql(`
  mutation UpdateCourse($id: ID!, $input: CourseInput!) {
    updateCourse(id: $id, input: $input) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const PublishCourseDocument = graphql(`
  mutation PublishCourse($id: ID!) {
    publishCourse(id: $id) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
    }
  }
`);

export const UnpublishCourseDocument = graphql(`
  mutation UnpublishCourse($id: ID!) {
    unpublishCourse(id: $id) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
    }
  }
`);

export const DeleteCourseDocument = graphql(`
  mutation DeleteCourse($id: ID!) {
    deleteCourse(id: $id) {
      __typename
      ... on DeleteCourseSuccess { deletedId }
      ... on UserError { message }
    }
  }
`);

export const CreateCourseModuleDocument = graphql(`
  mutation CreateCourseModule($courseId: ID!, $input: CourseModuleInput!) {
    createCourseModule(courseId: $courseId, input: $input) {
      __typename
      ... on CourseModuleSuccess { module { id } course { ...AdminCourseFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const UpdateCourseModuleDocument = graphql(`
  mutation UpdateCourseModule($id: ID!, $input: CourseModuleInput!) {
    updateCourseModule(id: $id, input: $input) {
      __typename
      ... on CourseModuleSuccess { module { id } course { ...AdminCourseFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const DeleteCourseModuleDocument = graphql(`
  mutation DeleteCourseModule($id: ID!) {
    deleteCourseModule(id: $id) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
    }
  }
`);

export const ReorderCourseModulesDocument = graphql(`
  mutation ReorderCourseModules($courseId: ID!, $moduleIds: [ID!]!) {
    reorderCourseModules(courseId: $courseId, moduleIds: $moduleIds) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
    }
  }
`);

export const ReorderCourseLessonsDocument = graphql(`
  mutation ReorderCourseLessons($moduleId: ID!, $lessonIds: [ID!]!) {
    reorderCourseLessons(moduleId: $moduleId, lessonIds: $lessonIds) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
    }
  }
`);

/** A lesson as its editor needs it: the Markdown source, the video's URL, files and the quiz with its answers. */
export const AdminCourseLessonDocument = graphql(`
  query AdminCourseLesson($id: ID!) {
    courseLesson(id: $id) {
      ...CourseOutlineLessonFields
      markdown
      content {
        __typename
        ... on CourseVideoContent { provider url playbackUrl }
        ... on CourseDownloadContent { files { id name contentType size url } }
        ... on CourseQuizContent {
          passMarkPercent
          retriesAllowed
          questions { id position prompt kind options { id text } correctOptionIds }
        }
      }
    }
  }
`);

export const CreateCourseLessonDocument = graphql(`
  mutation CreateCourseLesson($moduleId: ID!, $input: CourseLessonInput!) {
    createCourseLesson(moduleId: $moduleId, input: $input) {
      __typename
      ... on CourseLessonSuccess { lesson { ...CourseOutlineLessonFields } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const UpdateCourseLessonDocument = graphql(`
  mutation UpdateCourseLesson($id: ID!, $input: CourseLessonInput!) {
    updateCourseLesson(id: $id, input: $input) {
      __typename
      ... on CourseLessonSuccess { lesson { ...CourseOutlineLessonFields markdown } }
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

export const DeleteCourseLessonDocument = graphql(`
  mutation DeleteCourseLesson($id: ID!) {
    deleteCourseLesson(id: $id) {
      __typename
      ... on CourseSuccess { course { ...AdminCourseFields } }
      ... on UserError { message }
    }
  }
`);

export const DeleteCourseLessonFileDocument = graphql(`
  mutation DeleteCourseLessonFile($id: ID!) {
    deleteCourseLessonFile(id: $id) {
      __typename
      ... on CourseLessonSuccess { lesson { id } }
      ... on UserError { message }
    }
  }
`);

export const CourseEnrolmentsDocument = graphql(`
  query CourseEnrolments($courseId: ID!, $first: Int, $after: String, $search: String, $status: CourseEnrolmentStatus) {
    course(id: $courseId) {
      id
      status
      enrolments(first: $first, after: $after, search: $search, status: $status) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id
            contactId
            status
            enrolledAt
            lastActivityAt
            completedAt
            progressPercent
            student { id name email }
            quizScores { lessonId lessonTitle attemptCount bestScorePercent passed }
          }
        }
      }
    }
  }
`);

export const CourseContactOptionsDocument = graphql(`
  query CourseContactOptions($search: String) {
    contacts(first: 20, search: $search) {
      edges { node { id name email access { status } } }
    }
  }
`);

export const EnrolInCourseDocument = graphql(`
  mutation EnrolInCourse($courseId: ID!, $contactIds: [ID!]!, $inviteToPortal: Boolean!) {
    enrolInCourse(courseId: $courseId, contactIds: $contactIds, inviteToPortal: $inviteToPortal) {
      __typename
      ... on EnrolInCourseSuccess { enrolments { id contactId status } }
      ... on UserError { message }
    }
  }
`);

export const UnenrolFromCourseDocument = graphql(`
  mutation UnenrolFromCourse($courseId: ID!, $contactIds: [ID!]!) {
    unenrolFromCourse(courseId: $courseId, contactIds: $contactIds) {
      __typename
      ... on UnenrolFromCourseSuccess { enrolments { id status unenrolledAt } }
      ... on UserError { message }
    }
  }
`);

export const AdminCourseEnrolmentDocument = graphql(`
  query AdminCourseEnrolment($id: ID!) {
    courseEnrolment(id: $id) {
      id
      courseId
      contactId
      status
      enrolledAt
      startedAt
      lastActivityAt
      completedAt
      progressPercent
      completedLessonCount
      lessonCount
      student { id name email }
      certificate { id code issuedAt revokedAt downloadUrl }
      quizScores { lessonId lessonTitle attemptCount bestScorePercent passed lastAttemptAt }
      lessonProgress { lessonId openedAt completedAt watchedPercent unlockedEarly }
      course { id title requireQuizPass modules { ...CourseOutlineModuleFields } }
    }
  }
`);

export const UnlockCourseContentEarlyDocument = graphql(`
  mutation UnlockCourseContentEarly($input: UnlockCourseContentInput!) {
    unlockCourseContentEarly(input: $input) {
      __typename
      ... on CourseEnrolmentSuccess { enrolment { id lessonProgress { lessonId openedAt completedAt watchedPercent unlockedEarly } } }
      ... on UserError { message }
    }
  }
`);

export const RevokeCourseCertificateDocument = graphql(`
  mutation RevokeCourseCertificate($id: ID!) {
    revokeCourseCertificate(id: $id) {
      __typename
      ... on CourseCertificateSuccess { certificate { id revokedAt } }
      ... on UserError { message }
    }
  }
`);

export const CourseFiguresDocument = graphql(`
  query CourseFigures($id: ID!) {
    course(id: $id) {
      id
      title
      figures {
        enrolled
        started
        completed
        averageProgressPercent
        lessons { lessonId moduleId title completedCount completionPercent }
      }
    }
  }
`);
