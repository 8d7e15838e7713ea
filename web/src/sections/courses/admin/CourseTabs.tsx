import { NavLink } from "react-router";
import type { CourseStatus } from "../../../gql/graphql";

/** The course's pages in the console: its content, its students and its figures. */
export function CourseTabs({ courseId, title, status }: { courseId: string; title: string; status?: CourseStatus }) {
  const base = `/admin/courses/${courseId}`;
  return (
    <>
      <div className="page-heading">
        <h1>
          {title}
          {status && <CourseStatusBadge status={status} />}
        </h1>
      </div>
      <nav aria-label="Course" className="course-tabs">
        <NavLink to={base} end>
          Content
        </NavLink>
        <NavLink to={`${base}/students`}>Students</NavLink>
        <NavLink to={`${base}/figures`}>Figures</NavLink>
      </nav>
    </>
  );
}

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  return (
    <span className={`badge course-status course-status-${status.toLowerCase()}`}>{status === "PUBLISHED" ? "Published" : "Draft"}</span>
  );
}
