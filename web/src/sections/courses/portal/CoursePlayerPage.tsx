import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import type { CourseMyEnrolmentFieldsFragment } from "../../../gql/graphql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { BackLink } from "../../../shared/BackLink";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { ProgressBar } from "../shared/ProgressBar";
import { CourseOutline } from "./CourseOutline";
import { LessonView } from "./LessonView";
import { PortalCourseDocument } from "./operations";

/**
 * The course player: the outline beside the lesson (or, without a lesson, the course's overview with
 * a button to start or continue), the student's progress on top and their certificate once complete.
 */
export function CoursePlayerPage() {
  const { courseId = "", lessonId } = useParams();
  const enabled = useSectionEnabled("COURSES");
  const { data, loading, error, refetch } = useQuery(PortalCourseDocument, {
    variables: { id: courseId },
    fetchPolicy: "cache-and-network",
  });
  const title = data?.course?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  if (enabled === false) {
    return (
      <p className="empty-state">
        Courses are not available in this portal. <Link to="/">Back to home</Link>
      </p>
    );
  }
  return (
    <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the course…" onRetry={() => void refetch()}>
      {({ course }) =>
        !course ? (
          <>
            <BackLink to="/courses" label="Courses" />
            <p className="empty-state" data-testid="course-not-found">
              This course is not available to you.
            </p>
          </>
        ) : (
          <div className="course-player">
            <BackLink to="/courses" label="Courses" />
            <header className="course-player-header">
              <h1 className={lessonId ? "course-player-course-title" : undefined}>{course.title}</h1>
              {course.myEnrolment && <ProgressBar percent={course.myEnrolment.progressPercent} label="Course progress" />}
            </header>
            {course.myEnrolment?.completedAt && (
              <CompletionPanel enrolment={course.myEnrolment} certificateEnabled={course.certificateEnabled} />
            )}
            <div className="course-player-layout">
              <CourseOutline courseId={course.id} modules={course.modules} activeLessonId={lessonId} collapsible={Boolean(lessonId)} />
              <div className="course-player-main">
                {lessonId ? (
                  <LessonView
                    key={lessonId}
                    courseId={course.id}
                    lessonId={lessonId}
                    outline={course.modules.flatMap((module) => module.lessons)}
                    onProgress={() => void refetch()}
                  />
                ) : (
                  <CourseOverview course={course} />
                )}
              </div>
            </div>
          </div>
        )
      }
    </QueryState>
  );
}

function CourseOverview({
  course,
}: {
  course: {
    id: string;
    description: string;
    coverImageUrl?: string | null;
    lessonCount: number;
    currentLessonId?: string | null;
    modules: { lessons: { id: string; state: string }[] }[];
    myEnrolment?: CourseMyEnrolmentFieldsFragment | null;
  };
}) {
  const firstOpen = course.modules.flatMap((module) => module.lessons).find((lesson) => lesson.state !== "LOCKED");
  const next = course.currentLessonId ?? firstOpen?.id;
  const started = Boolean(course.myEnrolment?.startedAt);
  return (
    <section className="card course-overview" aria-label="About this course">
      {course.coverImageUrl && <img className="course-overview-cover" src={course.coverImageUrl} alt="" />}
      {course.description && <p className="course-description">{course.description}</p>}
      <p className="hint">
        {course.lessonCount === 1 ? "1 lesson" : `${course.lessonCount} lessons`}
        {course.myEnrolment?.lastActivityAt && <> · Last visited {formatDateTime(course.myEnrolment.lastActivityAt)}</>}
      </p>
      {next && !course.myEnrolment?.completedAt && (
        <Link className="button button-large" to={`/courses/${course.id}/lessons/${next}`}>
          {started ? "Continue where you left off" : "Start the course"}
        </Link>
      )}
    </section>
  );
}

function CompletionPanel({ enrolment, certificateEnabled }: { enrolment: CourseMyEnrolmentFieldsFragment; certificateEnabled: boolean }) {
  const certificate = enrolment.certificate;
  return (
    <section className="alert alert-success course-complete" aria-labelledby="course-complete-heading" data-testid="course-complete">
      <h2 id="course-complete-heading">Course completed</h2>
      <p>You completed this course on {formatDateTime(enrolment.completedAt)}. Well done!</p>
      {certificate && !certificate.revokedAt ? (
        <p className="actions">
          <a className="button" href={certificate.downloadUrl} download>
            Download certificate
          </a>
          <span className="course-certificate-code">
            Verification code <code>{certificate.code}</code> · <Link to={certificate.verificationPath}>Verification page</Link>
          </span>
        </p>
      ) : certificateEnabled && !certificate ? (
        <p className="hint">Your certificate is being prepared. Reload the page in a moment.</p>
      ) : null}
    </section>
  );
}
