import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useParams } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { describeDrip, LESSON_KIND_LABEL } from "../shared/lessons";
import { ProgressBar } from "../shared/ProgressBar";
import { AdminCourseEnrolmentDocument, RevokeCourseCertificateDocument, UnlockCourseContentEarlyDocument } from "./courseOperations";

/** One student in one course: progress per lesson, quiz scores, certificate; open dripped content early. */
export function StudentPage() {
  const { courseId = "", enrolmentId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminCourseEnrolmentDocument, {
    variables: { id: enrolmentId },
    fetchPolicy: "cache-and-network",
  });
  const [unlock] = useMutation(UnlockCourseContentEarlyDocument);
  const [revoke, { loading: revoking }] = useMutation(RevokeCourseCertificateDocument);
  const [message, setMessage] = useState("");
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const open = async (target: { moduleId?: string; lessonId?: string }, title: string) => {
    const result = (await unlock({ variables: { input: { enrolmentId, ...target } } })).data?.unlockCourseContentEarly;
    if (result?.__typename === "CourseEnrolmentSuccess") {
      setMessage(`“${title}” is open for this student now.`);
      void refetch();
    } else setMessage(problemOf(result)?.message ?? "Could not unlock. Please try again.");
  };
  return (
    <>
      <BackLink to={`/admin/courses/${courseId}/students`} label="Students" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ courseEnrolment: enrolment }) => {
          if (!enrolment) return <p className="empty-state">This enrolment does not exist.</p>;
          const progress = new Map(enrolment.lessonProgress.map((entry) => [entry.lessonId, entry]));
          const modules = enrolment.course?.modules ?? [];
          return (
            <>
              <h1>{enrolment.student.name}</h1>
              <p className="hint">
                {enrolment.student.email} · {enrolment.course?.title}
              </p>
              <section className="card" aria-label="Progress">
                <ProgressBar percent={enrolment.progressPercent} label={`Progress of ${enrolment.student.name}`} />
                <dl className="details">
                  <dt>Status</dt>
                  <dd>{enrolment.status === "ACTIVE" ? "Enrolled" : "Unenrolled"}</dd>
                  <dt>Enrolled</dt>
                  <dd>{formatDateTime(enrolment.enrolledAt)}</dd>
                  <dt>Started</dt>
                  <dd>{formatDateTime(enrolment.startedAt, "Not yet")}</dd>
                  <dt>Last activity</dt>
                  <dd>{formatDateTime(enrolment.lastActivityAt, "None yet")}</dd>
                  <dt>Completed</dt>
                  <dd>{formatDateTime(enrolment.completedAt, "Not yet")}</dd>
                  <dt>Lessons</dt>
                  <dd>
                    {enrolment.completedLessonCount} of {enrolment.lessonCount}
                  </dd>
                </dl>
                {enrolment.certificate && (
                  <p>
                    Certificate <code>{enrolment.certificate.code}</code> issued {formatDateTime(enrolment.certificate.issuedAt)}
                    {enrolment.certificate.revokedAt ? (
                      <> · revoked {formatDateTime(enrolment.certificate.revokedAt)}</>
                    ) : (
                      <>
                        {" "}
                        · <a href={enrolment.certificate.downloadUrl}>Download</a>{" "}
                        <button type="button" className="button button-secondary button-small" onClick={() => setConfirmRevoke(true)}>
                          Revoke certificate
                        </button>
                      </>
                    )}
                  </p>
                )}
              </section>
              <p role="status" className="hint">
                {message}
              </p>
              {enrolment.quizScores.length > 0 && (
                <section aria-labelledby="quiz-scores">
                  <h2 id="quiz-scores">Quiz scores</h2>
                  <div className="table-scroll">
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">Quiz</th>
                          <th scope="col" className="numeric">
                            Attempts
                          </th>
                          <th scope="col" className="numeric">
                            Best score
                          </th>
                          <th scope="col">Result</th>
                          <th scope="col">Last attempt</th>
                        </tr>
                      </thead>
                      <tbody>
                        {enrolment.quizScores.map((score) => (
                          <tr key={score.lessonId}>
                            <td>{score.lessonTitle}</td>
                            <td className="numeric">{score.attemptCount}</td>
                            <td className="numeric">{score.bestScorePercent == null ? "—" : `${score.bestScorePercent}%`}</td>
                            <td>{score.passed ? "Passed" : score.attemptCount > 0 ? "Not passed" : "Not taken"}</td>
                            <td>{formatDateTime(score.lastAttemptAt)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              )}
              <h2>Lessons</h2>
              {modules.map((module, moduleIndex) => {
                const moduleDrip = describeDrip(module.drip);
                const gated = moduleDrip || (enrolment.course?.requireQuizPass && moduleIndex > 0);
                const moduleOpened = module.lessons.length > 0 && module.lessons.every((lesson) => progress.get(lesson.id)?.unlockedEarly);
                return (
                  <section key={module.id} className="card course-student-module" aria-labelledby={`module-${module.id}`}>
                    <div className="course-edit-module-header">
                      <h3 id={`module-${module.id}`}>
                        {module.title}
                        {moduleDrip && <span className="hint"> · {moduleDrip}</span>}
                      </h3>
                      {gated && !moduleOpened && enrolment.status === "ACTIVE" && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => void open({ moduleId: module.id }, module.title)}
                        >
                          Unlock module now<span className="visually-hidden">: {module.title}</span>
                        </button>
                      )}
                    </div>
                    <ul className="plain-list course-student-lessons">
                      {module.lessons.map((lesson) => {
                        const entry = progress.get(lesson.id);
                        const drip = describeDrip(lesson.drip);
                        return (
                          <li key={lesson.id} className="course-student-lesson">
                            <span>
                              {lesson.title} <span className="hint">({LESSON_KIND_LABEL[lesson.kind]})</span>
                            </span>
                            <span className="hint">
                              {entry?.completedAt
                                ? `Completed ${formatDateTime(entry.completedAt)}`
                                : entry?.openedAt
                                  ? `Opened ${formatDateTime(entry.openedAt)}${lesson.kind === "VIDEO" ? ` · watched ${entry.watchedPercent}%` : ""}`
                                  : "Not opened"}
                              {entry?.unlockedEarly && " · unlocked early"}
                              {drip && ` · ${drip}`}
                            </span>
                            {(drip || gated) && !entry?.unlockedEarly && !entry?.completedAt && enrolment.status === "ACTIVE" && (
                              <button
                                type="button"
                                className="button button-secondary button-small"
                                onClick={() => void open({ lessonId: lesson.id }, lesson.title)}
                              >
                                Unlock now<span className="visually-hidden">: {lesson.title}</span>
                              </button>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                );
              })}
              {confirmRevoke && enrolment.certificate && (
                <ConfirmDialog
                  open
                  title="Revoke this certificate?"
                  confirmLabel="Revoke certificate"
                  danger
                  busy={revoking}
                  onConfirm={async () => {
                    const result = (await revoke({ variables: { id: enrolment.certificate!.id } })).data?.revokeCourseCertificate;
                    setConfirmRevoke(false);
                    setMessage(
                      result?.__typename === "CourseCertificateSuccess"
                        ? "The certificate was revoked: its code no longer verifies."
                        : (problemOf(result)?.message ?? "Could not revoke."),
                    );
                    void refetch();
                  }}
                  onCancel={() => setConfirmRevoke(false)}
                >
                  <p>Its code will no longer verify. The student keeps their completion.</p>
                </ConfirmDialog>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
