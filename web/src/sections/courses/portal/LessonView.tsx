import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { CourseOutlineLessonFieldsFragment, PortalCourseLessonQuery } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { LESSON_KIND_LABEL, lockedLabel } from "../shared/lessons";
import { DownloadLesson } from "./DownloadLesson";
import { OpenCourseLessonDocument, PortalCourseLessonDocument } from "./operations";
import { QuizLesson } from "./QuizLesson";
import { VideoLesson } from "./VideoLesson";

interface LessonViewProps {
  courseId: string;
  lessonId: string;
  /** Every lesson of the course in order, with the student's state: for Next/Previous. */
  outline: CourseOutlineLessonFieldsFragment[];
  /** The student's progress changed (a lesson completed): the course around the lesson is read again. */
  onProgress: () => void;
}

/**
 * One lesson in the player. Opening it tells the server where the student is (and completes a text
 * lesson); the content comes for its kind; a locked lesson says when it opens and shows nothing else.
 */
export function LessonView({ courseId, lessonId, outline, onProgress }: LessonViewProps) {
  const { data, loading, error, refetch } = useQuery(PortalCourseLessonDocument, {
    variables: { id: lessonId },
    fetchPolicy: "cache-and-network",
  });
  const [open] = useMutation(OpenCourseLessonDocument);
  const [notice, setNotice] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const lesson = data?.courseLesson;
  const openable = lesson && lesson.content.__typename !== "LessonLockedError";
  const progressed = (completedNow: boolean) => {
    if (!completedNow) return;
    setNotice("Lesson completed.");
    onProgress();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per lesson shown, not again when callbacks change.
  useEffect(() => {
    if (!openable) return;
    void open({ variables: { lessonId } }).then(({ data: opened }) => {
      const result = opened?.openCourseLesson;
      if (result?.__typename === "CourseProgressSuccess") progressed(result.completedNow);
    });
  }, [openable, lessonId]);

  // Moving to another lesson, focus its title, as a new page would.
  const title = lesson?.title;
  useEffect(() => {
    if (title) {
      document.title = title;
      heading.current?.focus();
    }
  }, [title]);

  const index = outline.findIndex((entry) => entry.id === lessonId);
  const previous = index > 0 ? outline[index - 1] : undefined;
  const next = index >= 0 ? outline[index + 1] : undefined;

  return (
    <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the lesson…" onRetry={() => void refetch()}>
      {({ courseLesson }) =>
        !courseLesson ? (
          <p className="empty-state">This lesson is not available to you.</p>
        ) : (
          <article className="card course-lesson" aria-labelledby="lesson-title">
            <p className="hint course-lesson-kind">{LESSON_KIND_LABEL[courseLesson.kind]}</p>
            <h2 id="lesson-title" ref={heading} tabIndex={-1} className="course-lesson-heading">
              {courseLesson.title}
            </h2>
            <p role="status" className="course-lesson-status">
              {courseLesson.state === "COMPLETED" ? <span className="badge course-badge-complete">{notice || "Completed"}</span> : notice}
            </p>
            <LessonContent
              lesson={courseLesson}
              onCompleted={progressed}
              onChanged={() => {
                void refetch();
                onProgress();
              }}
            />
            <nav className="course-lesson-nav" aria-label="Lessons">
              {previous ? (
                <Link className="button button-secondary" to={`/courses/${courseId}/lessons/${previous.id}`} rel="prev">
                  <span aria-hidden="true">← </span>Previous<span className="visually-hidden">: {previous.title}</span>
                </Link>
              ) : (
                <span />
              )}
              {next &&
                (next.state === "LOCKED" ? (
                  <span className="hint course-next-locked">
                    Next: {next.title} · {lockedLabel(next)}
                  </span>
                ) : (
                  <Link className="button" to={`/courses/${courseId}/lessons/${next.id}`} rel="next">
                    Next<span className="visually-hidden">: {next.title}</span>
                    <span aria-hidden="true"> →</span>
                  </Link>
                ))}
              {!next && <Link to={`/courses/${courseId}`}>Back to the course overview</Link>}
            </nav>
          </article>
        )
      }
    </QueryState>
  );
}

type LessonData = NonNullable<PortalCourseLessonQuery["courseLesson"]>;

function LessonContent({
  lesson,
  onCompleted,
  onChanged,
}: {
  lesson: LessonData;
  onCompleted: (completedNow: boolean) => void;
  onChanged: () => void;
}) {
  const content = lesson.content;
  switch (content.__typename) {
    case "LessonLockedError":
      return (
        <div className="course-locked" data-testid="lesson-locked">
          <p className="course-locked-icon" aria-hidden="true">
            🔒
          </p>
          <p>
            <strong>{lockedLabel({ lockReason: content.reason, availableAt: content.availableAt })}</strong>
          </p>
          <p className="hint">{content.message}</p>
        </div>
      );
    case "CourseTextContent":
      return <div className="course-html" dangerouslySetInnerHTML={{ __html: content.html }} />;
    case "CourseVideoContent":
      return (
        <VideoLesson
          lessonId={lesson.id}
          title={lesson.title}
          content={content}
          completed={lesson.state === "COMPLETED"}
          onCompleted={onCompleted}
        />
      );
    case "CourseDownloadContent":
      return <DownloadLesson content={content} completed={lesson.state === "COMPLETED"} onDownloaded={onChanged} />;
    case "CourseQuizContent":
      return <QuizLesson lessonId={lesson.id} content={content} onCompleted={onCompleted} onSubmitted={onChanged} />;
    default:
      return null;
  }
}
