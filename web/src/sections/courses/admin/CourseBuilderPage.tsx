import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import type { AdminCourseFieldsFragment } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { Field, TextAreaField } from "../../../shared/Field";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { messageFor, problemOf, type Problem } from "../../../shared/results";
import { CourseCoverInput } from "./CourseCoverInput";
import {
  AdminCourseDocument,
  DeleteCourseDocument,
  PublishCourseDocument,
  UnpublishCourseDocument,
  UpdateCourseDocument,
} from "./courseOperations";
import { CourseTabs } from "./CourseTabs";
import { OutlineEditor } from "./OutlineEditor";

/** The course builder: its modules and lessons (reordered by drag or keyboard), its details, cover and publishing. */
export function CourseBuilderPage() {
  const { courseId = "" } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch } = useQuery(AdminCourseDocument, {
    variables: { id: courseId },
    fetchPolicy: "cache-and-network",
  });
  const title = data?.course?.title;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  return (
    <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the course…" onRetry={() => void refetch()}>
      {({ course }) =>
        !course ? (
          <>
            <BackLink to="/admin/courses" label="Courses" />
            <p className="empty-state">This course does not exist.</p>
          </>
        ) : (
          <>
            <BackLink to="/admin/courses" label="Courses" />
            <CourseTabs courseId={course.id} title={course.title} status={course.status} />
            <div aria-live="polite">
              {notice && (
                <p className="alert alert-success" role="status">
                  {notice}
                </p>
              )}
            </div>
            <PublishPanel course={course} />
            <div className="course-builder">
              <section className="course-builder-outline" aria-labelledby="outline-heading">
                <h2 id="outline-heading">Modules and lessons</h2>
                <OutlineEditor course={course} />
              </section>
              <aside className="course-builder-side">
                <CourseDetailsForm course={course} />
                <CourseCoverInput course={course} onChanged={() => void refetch()} />
              </aside>
            </div>
          </>
        )
      }
    </QueryState>
  );
}

function PublishPanel({ course }: { course: AdminCourseFieldsFragment }) {
  const navigate = useNavigate();
  const [publish, { loading: publishing }] = useMutation(PublishCourseDocument);
  const [unpublish, { loading: unpublishing }] = useMutation(UnpublishCourseDocument);
  const [remove, { loading: deleting }] = useMutation(DeleteCourseDocument);
  const [confirm, setConfirm] = useState<"unpublish" | "delete" | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const published = course.status === "PUBLISHED";
  const run = async (action: "publish" | "unpublish" | "delete") => {
    setMessage(null);
    if (action === "delete") {
      const result = (await remove({ variables: { id: course.id } })).data?.deleteCourse;
      setConfirm(null);
      if (result?.__typename === "DeleteCourseSuccess") navigate("/admin/courses", { state: { notice: `${course.title} was deleted.` } });
      else setMessage({ text: problemOf(result)?.message ?? "Could not delete the course.", error: true });
      return;
    }
    const result =
      action === "publish"
        ? (await publish({ variables: { id: course.id } })).data?.publishCourse
        : (await unpublish({ variables: { id: course.id } })).data?.unpublishCourse;
    setConfirm(null);
    if (result?.__typename === "CourseSuccess")
      setMessage({
        text: action === "publish" ? "Published: enrolled students see it now." : "Back to draft: students no longer see it.",
        error: false,
      });
    else setMessage({ text: problemOf(result)?.message ?? "Could not change the course. Please try again.", error: true });
  };
  return (
    <section className="card course-publish" aria-label="Publishing">
      <p>
        {published
          ? `Published ${formatDateTime(course.publishedAt)}. Enrolled students see it in their portal.`
          : course.lessonCount === 0
            ? "Draft. Add a lesson, then publish the course so enrolled students see it."
            : "Draft: only your team sees it. Publish it to enrol students."}
      </p>
      <div className="actions">
        {published ? (
          <button type="button" className="button button-secondary" disabled={unpublishing} onClick={() => setConfirm("unpublish")}>
            Unpublish
          </button>
        ) : (
          <button type="button" className="button" disabled={publishing} onClick={() => void run("publish")}>
            {publishing ? "Publishing…" : "Publish course"}
          </button>
        )}
        <button type="button" className="button button-danger button-small" onClick={() => setConfirm("delete")}>
          Delete course
        </button>
      </div>
      <p role="status" className={message?.error ? "field-error" : "hint"}>
        {message?.text}
      </p>
      {confirm && (
        <ConfirmDialog
          open
          title={confirm === "delete" ? `Delete ${course.title}?` : `Unpublish ${course.title}?`}
          confirmLabel={confirm === "delete" ? "Delete course" : "Unpublish"}
          danger={confirm === "delete"}
          busy={deleting || unpublishing}
          onConfirm={() => void run(confirm)}
          onCancel={() => setConfirm(null)}
        >
          <p>
            {confirm === "delete"
              ? "The course, its modules and lessons are deleted. Only a course nobody was ever enrolled in can be deleted."
              : "Students no longer see it. Their enrolments and progress stay for when you publish it again."}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CourseDetailsForm({ course }: { course: AdminCourseFieldsFragment }) {
  const [title, setTitle] = useState(course.title);
  const [description, setDescription] = useState(course.description);
  const [certificate, setCertificate] = useState(course.certificateEnabled);
  const [requireQuizPass, setRequireQuizPass] = useState(course.requireQuizPass);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState("");
  const [update, { loading }] = useMutation(UpdateCourseDocument);
  const savedTimer = useRef<number>(undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved("");
    const input = { title: title.trim(), description: description.trim() || null, certificateEnabled: certificate, requireQuizPass };
    const result = (await update({ variables: { id: course.id, input } })).data?.updateCourse;
    if (result?.__typename === "CourseSuccess") {
      setSaved("Details saved.");
      window.clearTimeout(savedTimer.current);
      savedTimer.current = window.setTimeout(() => setSaved(""), 5000);
      return;
    }
    setProblem(problemOf(result) ?? { kind: "Error", message: "Could not save. Please try again." });
  };
  const titleError = messageFor(problem, "title");
  return (
    <form className="card course-details" onSubmit={(event) => void submit(event)} aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <Field label="Title" value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} error={titleError} />
      <TextAreaField label="Description" rows={4} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />
      <div className="field checkbox">
        <input id={`certificate-${course.id}`} type="checkbox" checked={certificate} onChange={(e) => setCertificate(e.target.checked)} />
        <label htmlFor={`certificate-${course.id}`}>Issue a certificate on completion</label>
      </div>
      <div className="field checkbox">
        <input
          id={`quiz-pass-${course.id}`}
          type="checkbox"
          checked={requireQuizPass}
          onChange={(e) => setRequireQuizPass(e.target.checked)}
        />
        <label htmlFor={`quiz-pass-${course.id}`}>Students pass a module's quizzes before the next module opens</label>
      </div>
      {problem && !titleError && (
        <p className="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={loading || !title.trim()}>
          Save details
        </button>
        <span role="status" className="hint">
          {saved}
        </span>
      </div>
    </form>
  );
}
