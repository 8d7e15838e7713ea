import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import type { CourseStatus } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { useLoadMore } from "../../../shared/useLoadMore";
import { AdminCoursesDocument } from "./courseOperations";
import { CourseStatusBadge } from "./CourseTabs";

const PAGE_SIZE = 25;

/** The business's courses by title, drafts and published, with their students at a glance. */
export function CoursesPage() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CourseStatus | "">("");
  const deferred = useDebouncedValue(search.trim());
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminCoursesDocument, {
    variables: { first: PAGE_SIZE, search: deferred || null, status: status || null },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);
  useEffect(() => {
    document.title = "Courses";
  }, []);
  return (
    <>
      <div className="page-heading">
        <h1>Courses</h1>
        <div className="actions">
          <Link to="/admin/courses/new" className="button">
            New course
          </Link>
        </div>
      </div>
      <div aria-live="polite">
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
      </div>
      <div className="filters filters-compact" role="search" aria-label="Filter courses">
        <div className="field">
          <label htmlFor="course-search">Title</label>
          <input
            id="course-search"
            type="search"
            placeholder="Search by title"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="course-status">Status</label>
          <select id="course-status" value={status} onChange={(e) => setStatus(e.target.value as CourseStatus | "")}>
            <option value="">All</option>
            <option value="DRAFT">Drafts</option>
            <option value="PUBLISHED">Published</option>
          </select>
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ courses }) => (
          <>
            <p className="hint" aria-live="polite">
              {courses.totalCount === 1 ? "1 course" : `${courses.totalCount} courses`}
            </p>
            {courses.edges.length === 0 ? (
              <p className="empty-state">
                {deferred || status
                  ? "No courses match."
                  : "No courses yet. Create one, add modules and lessons, publish it and enrol your clients."}
              </p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Course</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="numeric">
                        Lessons
                      </th>
                      <th scope="col" className="numeric">
                        Students
                      </th>
                      <th scope="col" className="numeric">
                        Completed
                      </th>
                      <th scope="col">Updated</th>
                    </tr>
                  </thead>
                  <tbody>
                    {courses.edges.map(({ node: course }) => (
                      <tr key={course.id}>
                        <td>
                          <Link to={`/admin/courses/${course.id}`}>{course.title}</Link>
                        </td>
                        <td>
                          <CourseStatusBadge status={course.status} />
                        </td>
                        <td className="numeric">{course.lessonCount}</td>
                        <td className="numeric">{course.figures?.enrolled ?? "—"}</td>
                        <td className="numeric">{course.figures?.completed ?? "—"}</td>
                        <td>{formatDateTime(course.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {courses.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore(courses.pageInfo.endCursor)}
              >
                {loadingMore ? "Loading…" : "Load more"}
              </button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
