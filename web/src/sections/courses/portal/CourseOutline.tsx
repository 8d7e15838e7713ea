import { useId, useState } from "react";
import { Link } from "react-router";
import type { CourseOutlineLessonFieldsFragment, CourseOutlineModuleFieldsFragment } from "../../../gql/graphql";
import { LESSON_KIND_ICON, LESSON_KIND_LABEL, lessonStateLabel, lockedLabel } from "../shared/lessons";

interface CourseOutlineProps {
  courseId: string;
  modules: CourseOutlineModuleFieldsFragment[];
  /** The lesson on screen, marked as the current page. */
  activeLessonId?: string;
  /** On the lesson page the outline folds away on a phone behind a button. */
  collapsible?: boolean;
}

/**
 * Modules and their lessons with the student's state of each: completed (✓), where to continue,
 * open, or locked with the day it opens. Locked lessons are not links; states are said in words.
 */
export function CourseOutline({ courseId, modules, activeLessonId, collapsible }: CourseOutlineProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const lessons = modules.flatMap((module) => module.lessons);
  const done = lessons.filter((lesson) => lesson.state === "COMPLETED").length;
  return (
    <nav
      aria-label="Course outline"
      className={`course-outline ${collapsible ? "course-outline-collapsible" : ""} ${open ? "course-outline-open" : ""}`}
    >
      {collapsible && (
        <button
          type="button"
          className="button button-secondary course-outline-toggle"
          aria-expanded={open}
          aria-controls={`${id}-modules`}
          onClick={() => setOpen((value) => !value)}
        >
          Course outline{" "}
          <span className="hint">
            ({done} of {lessons.length} done)
          </span>
        </button>
      )}
      <ol id={`${id}-modules`} className="plain-list course-outline-modules">
        {modules.map((module) => (
          <li key={module.id} className="course-outline-module">
            <h3 className="course-outline-module-title">
              <span>{module.title}</span>
              {module.locked && <span className="course-lock-note">{lockedLabel(module)}</span>}
            </h3>
            <ol className="plain-list course-outline-lessons" aria-label={module.title}>
              {module.lessons.map((lesson) => (
                <OutlineLesson key={lesson.id} courseId={courseId} lesson={lesson} active={lesson.id === activeLessonId} />
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function OutlineLesson({ courseId, lesson, active }: { courseId: string; lesson: CourseOutlineLessonFieldsFragment; active: boolean }) {
  const state = lessonStateLabel(lesson);
  const marker = lesson.state === "COMPLETED" ? "✓" : lesson.state === "LOCKED" ? "🔒" : LESSON_KIND_ICON[lesson.kind];
  const body = (
    <>
      <span className={`course-lesson-marker course-lesson-marker-${lesson.state.toLowerCase()}`} aria-hidden="true">
        {marker}
      </span>
      <span className="course-lesson-text">
        <span className="course-lesson-title">{lesson.title}</span>
        <span className="course-lesson-meta">
          {LESSON_KIND_LABEL[lesson.kind]} · {state}
        </span>
      </span>
    </>
  );
  return (
    <li
      className={`course-outline-lesson course-lesson-${lesson.state.toLowerCase()} ${active ? "course-lesson-active" : ""}`}
      data-testid="outline-lesson"
    >
      {lesson.state === "LOCKED" ? (
        <span className="course-outline-link" aria-disabled="true">
          {body}
        </span>
      ) : (
        <Link className="course-outline-link" to={`/courses/${courseId}/lessons/${lesson.id}`} aria-current={active ? "page" : undefined}>
          {body}
        </Link>
      )}
    </li>
  );
}
