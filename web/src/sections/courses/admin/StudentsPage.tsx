import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { CourseEnrolmentStatus } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { useLoadMore } from "../../../shared/useLoadMore";
import { ProgressBar } from "../shared/ProgressBar";
import {
  AdminCourseDocument,
  CourseContactOptionsDocument,
  CourseEnrolmentsDocument,
  EnrolInCourseDocument,
  UnenrolFromCourseDocument,
} from "./courseOperations";
import { CourseTabs } from "./CourseTabs";

const PAGE_SIZE = 50;

/** A course's students: progress, last activity and quiz scores; enrol one or many contacts, unenrol. */
export function StudentsPage() {
  const { courseId = "" } = useParams();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CourseEnrolmentStatus>("ACTIVE");
  const deferred = useDebouncedValue(search.trim());
  const [notice, setNotice] = useState("");
  const course = useQuery(AdminCourseDocument, { variables: { id: courseId } });
  const { data, loading, error, refetch, fetchMore } = useQuery(CourseEnrolmentsDocument, {
    variables: { courseId, first: PAGE_SIZE, search: deferred || null, status },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);
  const details = course.data?.course;
  const enrolments = data?.course?.enrolments;
  const enrolled = new Set(status === "ACTIVE" ? (enrolments?.edges.map((edge) => edge.node.contactId) ?? []) : []);
  return (
    <>
      <BackLink to="/admin/courses" label="Courses" />
      {details && <CourseTabs courseId={courseId} title={details.title} status={details.status} />}
      {details?.status === "DRAFT" ? (
        <p className="alert alert-info">Publish the course to enrol students.</p>
      ) : (
        <EnrolForm
          courseId={courseId}
          enrolled={enrolled}
          onEnrolled={(count) => {
            setNotice(count === 1 ? "1 student enrolled." : `${count} students enrolled.`);
            void refetch();
          }}
        />
      )}
      <p className="hint" role="status">
        {notice}
      </p>
      <h2>Students</h2>
      <div className="filters filters-compact" role="search" aria-label="Filter students">
        <div className="field">
          <label htmlFor="student-search">Name or email</label>
          <input id="student-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="student-status">Show</label>
          <select id="student-status" value={status} onChange={(e) => setStatus(e.target.value as CourseEnrolmentStatus)}>
            <option value="ACTIVE">Enrolled</option>
            <option value="UNENROLLED">Unenrolled</option>
          </select>
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {() =>
          !enrolments || enrolments.edges.length === 0 ? (
            <p className="empty-state">
              {deferred ? "No students match." : status === "ACTIVE" ? "No students yet." : "Nobody was unenrolled."}
            </p>
          ) : (
            <>
              <p className="hint">{enrolments.totalCount === 1 ? "1 student" : `${enrolments.totalCount} students`}</p>
              <div className="table-scroll">
                <table className="table course-students">
                  <thead>
                    <tr>
                      <th scope="col">Student</th>
                      <th scope="col">Progress</th>
                      <th scope="col">Last activity</th>
                      <th scope="col">Quizzes</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {enrolments.edges.map(({ node: enrolment }) => (
                      <tr key={enrolment.id} data-testid="student-row">
                        <td>
                          <Link to={`/admin/courses/${courseId}/students/${enrolment.id}`}>{enrolment.student.name}</Link>
                          <div className="hint">{enrolment.student.email}</div>
                        </td>
                        <td>
                          <ProgressBar percent={enrolment.progressPercent} label={`Progress of ${enrolment.student.name}`} size="small" />
                          {enrolment.completedAt && <span className="hint">Completed {formatDateTime(enrolment.completedAt)}</span>}
                        </td>
                        <td>{formatDateTime(enrolment.lastActivityAt, "Not started")}</td>
                        <td>
                          {enrolment.quizScores.length === 0
                            ? "—"
                            : enrolment.quizScores.map((score) => (
                                <div key={score.lessonId} className="hint">
                                  {score.lessonTitle}:{" "}
                                  {score.bestScorePercent == null ? "not taken" : `${score.bestScorePercent}%${score.passed ? " ✓" : ""}`}
                                </div>
                              ))}
                        </td>
                        <td>
                          {enrolment.status === "ACTIVE" && (
                            <UnenrolButton
                              courseId={courseId}
                              contactId={enrolment.contactId}
                              name={enrolment.student.name}
                              onDone={() => {
                                setNotice(`${enrolment.student.name} was unenrolled.`);
                                void refetch();
                              }}
                            />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {enrolments.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore(enrolments.pageInfo.endCursor)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

/** Choose contacts (search, tick many), invite those without portal access (on by default), enrol. */
function EnrolForm({ courseId, enrolled, onEnrolled }: { courseId: string; enrolled: Set<string>; onEnrolled: (count: number) => void }) {
  const id = useId();
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const [chosen, setChosen] = useState<Map<string, { name: string; hasAccess: boolean }>>(new Map());
  const [invite, setInvite] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const options = useQuery(CourseContactOptionsDocument, { variables: { search: deferred || null } });
  const [enrol, { loading }] = useMutation(EnrolInCourseDocument);
  const contacts = options.data?.contacts.edges.map((edge) => edge.node) ?? [];
  const withoutAccess = [...chosen.values()].filter((contact) => !contact.hasAccess).length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.size === 0) return;
    setError(null);
    const result = (await enrol({ variables: { courseId, contactIds: [...chosen.keys()], inviteToPortal: invite } })).data?.enrolInCourse;
    if (result?.__typename === "EnrolInCourseSuccess") {
      setChosen(new Map());
      setSearch("");
      onEnrolled(result.enrolments.length);
      return;
    }
    setError(problemOf(result)?.message ?? "Could not enrol. Please try again.");
  };
  return (
    <form className="card course-enrol" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Enrol students</h2>
      <div className="field">
        <label htmlFor={`${id}-search`}>Search contacts</label>
        <input id={`${id}-search`} type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <fieldset className="fieldset course-contact-options" aria-busy={options.loading}>
        <legend className="visually-hidden">Contacts to enrol</legend>
        {options.loading && !options.data && <p className="hint">Loading contacts…</p>}
        {options.data && contacts.length === 0 && <p className="hint">No contacts match.</p>}
        {contacts.map((contact) => {
          const already = enrolled.has(contact.id);
          return (
            <div key={contact.id} className="field checkbox">
              <input
                id={`${id}-${contact.id}`}
                type="checkbox"
                disabled={already}
                checked={already || chosen.has(contact.id)}
                onChange={(event) =>
                  setChosen((current) => {
                    const next = new Map(current);
                    if (event.target.checked) next.set(contact.id, { name: contact.name, hasAccess: contact.access.status !== "NONE" });
                    else next.delete(contact.id);
                    return next;
                  })
                }
              />
              <label htmlFor={`${id}-${contact.id}`}>
                {contact.name} <span className="hint">({contact.email})</span>
                {already && <span className="hint"> · enrolled</span>}
                {!already && contact.access.status === "NONE" && <span className="hint"> · no portal access yet</span>}
              </label>
            </div>
          );
        })}
      </fieldset>
      {chosen.size > 0 && <p className="hint">Chosen: {[...chosen.values()].map((contact) => contact.name).join(", ")}</p>}
      <div className="field checkbox">
        <input id={`${id}-invite`} type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />
        <label htmlFor={`${id}-invite`}>Invite contacts without portal access to the portal</label>
      </div>
      {invite && withoutAccess > 0 && (
        <p className="hint">{withoutAccess === 1 ? "1 contact will be invited." : `${withoutAccess} contacts will be invited.`}</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={loading || chosen.size === 0}>
          {loading ? "Enrolling…" : chosen.size <= 1 ? "Enrol" : `Enrol ${chosen.size} contacts`}
        </button>
      </div>
    </form>
  );
}

function UnenrolButton({ courseId, contactId, name, onDone }: { courseId: string; contactId: string; name: string; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unenrol, { loading }] = useMutation(UnenrolFromCourseDocument);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
        Unenrol<span className="visually-hidden"> {name}</span>
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={`Unenrol ${name}?`}
          confirmLabel="Unenrol"
          danger
          busy={loading}
          onConfirm={async () => {
            const result = (await unenrol({ variables: { courseId, contactIds: [contactId] } })).data?.unenrolFromCourse;
            setConfirming(false);
            if (result?.__typename === "UnenrolFromCourseSuccess") onDone();
            else setError(problemOf(result)?.message ?? "Could not unenrol.");
          }}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        >
          <p>The course disappears from their portal. Their progress is kept should you enrol them again.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
