import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState, type FormEvent } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import type { AdminCourseLessonQuery, CourseLessonKind } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { Field, TextAreaField } from "../../../shared/Field";
import { QueryState } from "../../../shared/QueryState";
import { generalMessage, messageFor, problemOf, type Problem } from "../../../shared/results";
import { LESSON_KIND_LABEL } from "../shared/lessons";
import { AdminCourseLessonDocument, DeleteCourseLessonDocument, UpdateCourseLessonDocument } from "./courseOperations";
import { DripFields, dripDraftOf, dripInputOf, type DripDraft } from "./DripFields";
import { LessonFilesEditor } from "./LessonFilesEditor";
import { newQuestion, questionDraftsOf, questionInputsOf, quizProblem, type QuestionDraft } from "./quizDraft";
import { QuizEditor } from "./QuizEditor";

type Lesson = NonNullable<AdminCourseLessonQuery["courseLesson"]>;

/** One lesson's editor: title, kind and its content for that kind, and when it opens. */
export function LessonEditorPage() {
  const { courseId = "", lessonId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminCourseLessonDocument, {
    variables: { id: lessonId },
    fetchPolicy: "cache-and-network",
  });
  return (
    <>
      <BackLink to={`/admin/courses/${courseId}`} label="Course content" />
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the lesson…" onRetry={() => void refetch()}>
        {({ courseLesson }) =>
          courseLesson ? (
            <LessonForm key={courseLesson.id} lesson={courseLesson} courseId={courseId} onFilesChanged={() => void refetch()} />
          ) : (
            <p className="empty-state">This lesson does not exist.</p>
          )
        }
      </QueryState>
    </>
  );
}

const KINDS: CourseLessonKind[] = ["VIDEO", "TEXT", "DOWNLOAD", "QUIZ"];

function LessonForm({ lesson, courseId, onFilesChanged }: { lesson: Lesson; courseId: string; onFilesChanged: () => void }) {
  const navigate = useNavigate();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const content = lesson.content;
  const [title, setTitle] = useState(lesson.title);
  const [kind, setKind] = useState<CourseLessonKind>(lesson.kind);
  const [body, setBody] = useState(lesson.markdown ?? "");
  const [videoUrl, setVideoUrl] = useState(content.__typename === "CourseVideoContent" ? content.url : "");
  const [passMark, setPassMark] = useState(String(content.__typename === "CourseQuizContent" ? content.passMarkPercent : 70));
  const [retries, setRetries] = useState(content.__typename === "CourseQuizContent" ? content.retriesAllowed : true);
  const [questions, setQuestions] = useState<QuestionDraft[]>(
    content.__typename === "CourseQuizContent" ? questionDraftsOf(content.questions) : [],
  );
  const [drip, setDrip] = useState<DripDraft>(dripDraftOf(lesson.drip));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(created ? "Lesson added. Write its content, then save." : "");
  const [deleting, setDeleting] = useState(false);
  const [update, { loading }] = useMutation(UpdateCourseLessonDocument);
  const [remove, { loading: removing }] = useMutation(DeleteCourseLessonDocument);
  useEffect(() => {
    document.title = `Edit ${lesson.title}`;
  }, [lesson.title]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaved("");
    const dripInput = dripInputOf(drip);
    if (typeof dripInput === "string") return setProblem({ kind: "ValidationError", field: "drip", message: dripInput });
    if (kind === "QUIZ") {
      const local = quizProblem(questions);
      if (local) return setProblem({ kind: "ValidationError", field: "quiz.questions", message: local });
    }
    const mark = Number(passMark);
    const input = {
      title: title.trim(),
      kind,
      body,
      drip: dripInput,
      video: kind === "VIDEO" ? { url: videoUrl.trim() } : null,
      quiz:
        kind === "QUIZ"
          ? {
              passMarkPercent: Number.isFinite(mark) ? Math.round(mark) : -1,
              retriesAllowed: retries,
              questions: questionInputsOf(questions),
            }
          : null,
    };
    const result = (await update({ variables: { id: lesson.id, input } })).data?.updateCourseLesson;
    if (result?.__typename === "CourseLessonSuccess") {
      setSaved("Lesson saved.");
      if (kind !== lesson.kind) onFilesChanged();
      return;
    }
    setProblem(problemOf(result) ?? { kind: "Error", message: "Could not save the lesson. Please try again." });
  };

  const fields = ["title", "body", "video.url", "drip", "quiz.passMarkPercent"];
  const general = generalMessage(problem, fields);
  return (
    <>
      <h1>Edit lesson</h1>
      <form className="course-lesson-editor" onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <Field
            label="Title"
            value={title}
            required
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={messageFor(problem, "title")}
          />
          <div className="field">
            <label htmlFor="lesson-kind">Kind</label>
            <select
              id="lesson-kind"
              value={kind}
              onChange={(e) => {
                const next = e.target.value as CourseLessonKind;
                setKind(next);
                // A quiz needs a question: start it with one to fill in.
                if (next === "QUIZ" && questions.length === 0) setQuestions([newQuestion()]);
              }}
            >
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {LESSON_KIND_LABEL[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {kind === "VIDEO" && (
          <Field
            label="Video link"
            type="url"
            hint="An https link to an MP4 file or an HLS stream (.m3u8), or a YouTube or Vimeo video. Watching 90% completes the lesson."
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.target.value)}
            error={messageFor(problem, "video.url")}
          />
        )}
        <TextAreaField
          label={
            kind === "TEXT" ? "Lesson text (Markdown)" : kind === "VIDEO" ? "Notes under the video (Markdown)" : "Text above it (Markdown)"
          }
          hint={kind === "TEXT" ? "Opening the lesson completes it." : undefined}
          rows={kind === "TEXT" ? 14 : 5}
          className="code-input"
          value={body}
          maxLength={100_000}
          onChange={(e) => setBody(e.target.value)}
          error={messageFor(problem, "body")}
        />
        {kind === "QUIZ" && (
          <QuizEditor
            passMark={passMark}
            onPassMark={setPassMark}
            retries={retries}
            onRetries={setRetries}
            questions={questions}
            onQuestions={setQuestions}
            passMarkError={messageFor(problem, "quiz.passMarkPercent")}
          />
        )}
        <DripFields value={drip} onChange={setDrip} what="lesson" />
        {messageFor(problem, "drip") && <p className="field-error">{messageFor(problem, "drip")}</p>}
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={loading || !title.trim()}>
            {loading ? "Saving…" : "Save lesson"}
          </button>
          <span role="status" className="hint">
            {saved}
          </span>
        </div>
      </form>
      {kind === "DOWNLOAD" && lesson.kind === "DOWNLOAD" && (
        <LessonFilesEditor
          lessonId={lesson.id}
          files={content.__typename === "CourseDownloadContent" ? content.files : []}
          onChanged={onFilesChanged}
        />
      )}
      {kind === "DOWNLOAD" && lesson.kind !== "DOWNLOAD" && <p className="hint">Save the lesson as Downloads, then add its files here.</p>}
      <section className="card course-danger-zone" aria-label="Delete lesson">
        <button type="button" className="button button-danger button-small" onClick={() => setDeleting(true)}>
          Delete lesson
        </button>
      </section>
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete “${lesson.title}”?`}
          confirmLabel="Delete lesson"
          danger
          busy={removing}
          onConfirm={async () => {
            const result = (await remove({ variables: { id: lesson.id } })).data?.deleteCourseLesson;
            setDeleting(false);
            if (result?.__typename === "CourseSuccess")
              navigate(`/admin/courses/${courseId}`, { state: { notice: `“${lesson.title}” was deleted.` } });
            else setProblem(problemOf(result) ?? { kind: "Error", message: "Could not delete the lesson." });
          }}
          onCancel={() => setDeleting(false)}
        >
          <p>Students' progress in it is deleted too.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
