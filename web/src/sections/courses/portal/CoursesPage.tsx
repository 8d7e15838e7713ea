import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link } from "react-router";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { ProgressBar } from "../shared/ProgressBar";
import { PortalCoursesDocument } from "./operations";

/** The courses the client is enrolled in, each with its progress and a way back in. */
export function CoursesPage() {
  const enabled = useSectionEnabled("COURSES");
  const { data, loading, error, refetch } = useQuery(PortalCoursesDocument, { fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Courses";
  }, []);
  if (enabled === false) {
    return (
      <>
        <h1>Courses</h1>
        <p className="empty-state">
          Courses are not available in this portal. <Link to="/">Back to home</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Courses</h1>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading your courses…" onRetry={() => void refetch()}>
        {({ courses }) =>
          courses.edges.length === 0 ? (
            <p className="empty-state" data-testid="no-courses">
              You are not enrolled in any course yet. When you are, it will appear here.
            </p>
          ) : (
            <ul className="plain-list course-list" aria-label="Your courses">
              {courses.edges.map(({ node: course }) => {
                const enrolment = course.myEnrolment;
                const progress = enrolment?.progressPercent ?? 0;
                const completed = Boolean(enrolment?.completedAt);
                const started = Boolean(enrolment?.startedAt);
                const target = course.currentLessonId ? `/courses/${course.id}/lessons/${course.currentLessonId}` : `/courses/${course.id}`;
                return (
                  <li key={course.id} className="card course-card" data-testid="course-card">
                    {course.coverImageUrl ? (
                      <img className="course-card-cover" src={course.coverImageUrl} alt="" />
                    ) : (
                      <span className="course-card-cover course-card-cover-empty" aria-hidden="true">
                        {course.title.charAt(0).toUpperCase()}
                      </span>
                    )}
                    <div className="course-card-body">
                      <h2 className="course-card-title">
                        <Link to={`/courses/${course.id}`}>{course.title}</Link>
                      </h2>
                      {course.description && <p className="course-card-description">{course.description}</p>}
                      <ProgressBar percent={progress} label={`Progress in ${course.title}`} />
                      <p className="hint">
                        {enrolment
                          ? `${enrolment.completedLessonCount} of ${enrolment.lessonCount} lessons completed`
                          : `${course.lessonCount} lessons`}
                        {enrolment?.lastActivityAt && !completed && <> · Last visited {formatDateTime(enrolment.lastActivityAt)}</>}
                      </p>
                      <div className="actions">
                        {completed ? (
                          <>
                            <span className="badge course-badge-complete">Completed</span>
                            {enrolment?.certificate && !enrolment.certificate.revokedAt && (
                              <a className="button button-secondary" href={enrolment.certificate.downloadUrl} download>
                                Download certificate<span className="visually-hidden"> for {course.title}</span>
                              </a>
                            )}
                          </>
                        ) : (
                          <Link className="button" to={target}>
                            {started ? "Continue" : "Start course"}
                            <span className="visually-hidden"> {course.title}</span>
                          </Link>
                        )}
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
