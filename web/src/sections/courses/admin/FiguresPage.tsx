import { useQuery } from "@apollo/client/react";
import { Fragment } from "react";
import { useParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { AdminCourseDocument, CourseFiguresDocument } from "./courseOperations";
import { CourseTabs } from "./CourseTabs";

/**
 * A course's figures: enrolled, started, completed, average progress, and completion per lesson in
 * course order, where a drop shows where students stop. The bars sit in the table, so screen
 * readers get the same figures as numbers.
 */
export function FiguresPage() {
  const { courseId = "" } = useParams();
  const course = useQuery(AdminCourseDocument, { variables: { id: courseId } });
  const { data, loading, error, refetch } = useQuery(CourseFiguresDocument, {
    variables: { id: courseId },
    fetchPolicy: "cache-and-network",
  });
  const details = course.data?.course;
  const modules = new Map((details?.modules ?? []).map((module) => [module.id, module.title]));
  return (
    <>
      <BackLink to="/admin/courses" label="Courses" />
      {details && <CourseTabs courseId={courseId} title={details.title} status={details.status} />}
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ course: figuresCourse }) => {
          const figures = figuresCourse?.figures;
          if (!figures) return <p className="empty-state">No figures for this course.</p>;
          let previousModule: string | null = null;
          let previousPercent: number | null = null;
          return (
            <>
              <dl className="course-figures" aria-label="Students">
                <div className="card course-figure">
                  <dt>Enrolled</dt>
                  <dd>{figures.enrolled}</dd>
                </div>
                <div className="card course-figure">
                  <dt>Started</dt>
                  <dd>{figures.started}</dd>
                </div>
                <div className="card course-figure">
                  <dt>Completed</dt>
                  <dd>{figures.completed}</dd>
                </div>
                <div className="card course-figure">
                  <dt>Average progress</dt>
                  <dd>{Math.round(figures.averageProgressPercent)}%</dd>
                </div>
              </dl>
              <h2>Where students stop</h2>
              {figures.lessons.length === 0 ? (
                <p className="empty-state">No lessons yet.</p>
              ) : (
                <div className="table-scroll">
                  <table className="table course-lesson-figures">
                    <caption className="visually-hidden">Active students who completed each lesson, in course order</caption>
                    <thead>
                      <tr>
                        <th scope="col">Lesson</th>
                        <th scope="col" className="numeric">
                          Completed
                        </th>
                        <th scope="col">Completion</th>
                      </tr>
                    </thead>
                    <tbody>
                      {figures.lessons.map((lesson) => {
                        const moduleRow = lesson.moduleId !== previousModule;
                        previousModule = lesson.moduleId;
                        const drop = previousPercent !== null && previousPercent - lesson.completionPercent >= 20;
                        previousPercent = lesson.completionPercent;
                        return (
                          <Fragment key={lesson.lessonId}>
                            {moduleRow && (
                              <tr className="course-figures-module">
                                <th scope="rowgroup" colSpan={3}>
                                  {modules.get(lesson.moduleId) ?? "Module"}
                                </th>
                              </tr>
                            )}
                            <tr className={drop ? "course-figures-drop" : undefined}>
                              <th scope="row">
                                {lesson.title}
                                {drop && <span className="badge course-drop-badge">Students stop here</span>}
                              </th>
                              <td className="numeric">{lesson.completedCount}</td>
                              <td>
                                <div className="course-figure-bar">
                                  <span
                                    className="course-figure-bar-fill"
                                    style={{ width: `${lesson.completionPercent}%` }}
                                    aria-hidden="true"
                                  />
                                </div>
                                <span>{lesson.completionPercent}%</span>
                              </td>
                            </tr>
                          </Fragment>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
