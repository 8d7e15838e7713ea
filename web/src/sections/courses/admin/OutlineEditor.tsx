import { useMutation } from "@apollo/client/react";
import { useId, useState, type DragEvent, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { AdminCourseFieldsFragment, CourseLessonKind, CourseOutlineModuleFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { problemOf } from "../../../shared/results";
import { describeDrip, LESSON_KIND_ICON, LESSON_KIND_LABEL } from "../shared/lessons";
import { dropLesson, moveItem } from "../shared/reorder";
import {
  CreateCourseLessonDocument,
  CreateCourseModuleDocument,
  DeleteCourseModuleDocument,
  ReorderCourseLessonsDocument,
  ReorderCourseModulesDocument,
  UpdateCourseModuleDocument,
} from "./courseOperations";
import { DripFields, dripDraftOf, dripInputOf, type DripDraft } from "./DripFields";

type Dragged = { kind: "module"; id: string } | { kind: "lesson"; id: string };

/**
 * The course's modules and their lessons. Both reorder by dragging, or by keyboard with the Move
 * up / Move down buttons (a lesson moves on into the neighbouring module at either end); each move
 * is said in the live region. New lessons open in their editor.
 */
export function OutlineEditor({ course }: { course: AdminCourseFieldsFragment }) {
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // A module is dragged by its handle only, so text in its forms can still be selected with the mouse.
  const [armed, setArmed] = useState<string | null>(null);
  const [reorderModules] = useMutation(ReorderCourseModulesDocument);
  const [reorderLessons] = useMutation(ReorderCourseLessonsDocument);
  const modules = course.modules;

  const moveModule = async (from: number, to: number) => {
    if (to < 0 || to >= modules.length || from === to) return;
    const order = moveItem(
      modules.map((module) => module.id),
      from,
      to,
    );
    const title = modules[from]!.title;
    setError(null);
    const result = (await reorderModules({ variables: { courseId: course.id, moduleIds: order } })).data?.reorderCourseModules;
    if (result?.__typename === "CourseSuccess") setAnnouncement(`Module “${title}” moved to position ${to + 1} of ${modules.length}.`);
    else setError(problemOf(result)?.message ?? "Could not move the module. Please try again.");
  };

  /** Puts a lesson at `index` in `moduleId` (it may come from another module). */
  const placeLesson = async (lessonId: string, moduleId: string, index: number) => {
    const target = modules.find((module) => module.id === moduleId);
    const lesson = modules.flatMap((module) => module.lessons).find((entry) => entry.id === lessonId);
    if (!target || !lesson) return;
    const order = dropLesson(
      target.lessons.map((entry) => entry.id),
      lessonId,
      index,
    );
    if (lesson.moduleId === moduleId && order.join() === target.lessons.map((entry) => entry.id).join()) return;
    setError(null);
    const result = (await reorderLessons({ variables: { moduleId, lessonIds: order } })).data?.reorderCourseLessons;
    if (result?.__typename === "CourseSuccess")
      setAnnouncement(
        `Lesson “${lesson.title}” moved to position ${order.indexOf(lessonId) + 1} of ${order.length}${lesson.moduleId !== moduleId ? ` in module “${target.title}”` : ""}.`,
      );
    else setError(problemOf(result)?.message ?? "Could not move the lesson. Please try again.");
  };

  const moveLesson = (moduleIndex: number, lessonIndex: number, step: -1 | 1) => {
    const module = modules[moduleIndex]!;
    const lesson = module.lessons[lessonIndex]!;
    const to = lessonIndex + step;
    if (to >= 0 && to < module.lessons.length) return placeLesson(lesson.id, module.id, to);
    // Past either end: into the neighbouring module, at its near end.
    const neighbour = modules[moduleIndex + step];
    if (!neighbour) return;
    return placeLesson(lesson.id, neighbour.id, step === -1 ? neighbour.lessons.length : 0);
  };

  const onDrop = (event: DragEvent, moduleId: string, index: number) => {
    event.preventDefault();
    event.stopPropagation();
    const item = dragged;
    setDragged(null);
    setDropTarget(null);
    if (!item) return;
    if (item.kind === "lesson") void placeLesson(item.id, moduleId, index);
    else {
      const from = modules.findIndex((module) => module.id === item.id);
      const to = modules.findIndex((module) => module.id === moduleId);
      void moveModule(from, to);
    }
  };

  return (
    <div className="course-outline-editor">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {modules.length === 0 ? (
        <p className="empty-state">No modules yet. Add the first module, then its lessons.</p>
      ) : (
        <>
          <p className="hint">Drag modules and lessons to reorder them, or use their Move up and Move down buttons.</p>
          <ol className="plain-list course-edit-modules" aria-label="Modules">
            {modules.map((module, moduleIndex) => (
              <li
                key={module.id}
                className={`card course-edit-module ${dropTarget === module.id ? "course-drop-target" : ""}`}
                draggable={armed === module.id}
                onDragStart={(event) => {
                  if (dragged?.kind === "lesson") return;
                  event.dataTransfer.effectAllowed = "move";
                  event.dataTransfer.setData("text/plain", module.id);
                  setDragged({ kind: "module", id: module.id });
                }}
                onDragEnd={() => {
                  setDragged(null);
                  setDropTarget(null);
                  setArmed(null);
                }}
                onDragOver={(event) => {
                  if (!dragged) return;
                  event.preventDefault();
                  setDropTarget(module.id);
                }}
                onDrop={(event) => onDrop(event, module.id, module.lessons.length)}
                data-testid="edit-module"
              >
                <ModuleHeader
                  onGrab={(on) => setArmed(on ? module.id : null)}
                  module={module}
                  index={moduleIndex}
                  count={modules.length}
                  onMove={(step) => void moveModule(moduleIndex, moduleIndex + step)}
                />
                {module.lessons.length === 0 ? (
                  <p className="hint course-edit-empty">No lessons yet. Add one below or drag one here.</p>
                ) : (
                  <ol className="plain-list course-edit-lessons" aria-label={`Lessons of ${module.title}`}>
                    {module.lessons.map((lesson, lessonIndex) => {
                      const drip = describeDrip(lesson.drip);
                      const first = moduleIndex === 0 && lessonIndex === 0;
                      const last = moduleIndex === modules.length - 1 && lessonIndex === module.lessons.length - 1;
                      return (
                        <li
                          key={lesson.id}
                          className={`course-edit-lesson ${dragged?.id === lesson.id ? "course-dragging" : ""}`}
                          draggable
                          onDragStart={(event) => {
                            event.stopPropagation();
                            event.dataTransfer.effectAllowed = "move";
                            event.dataTransfer.setData("text/plain", lesson.id);
                            setDragged({ kind: "lesson", id: lesson.id });
                          }}
                          onDragEnd={() => {
                            setDragged(null);
                            setDropTarget(null);
                          }}
                          onDragOver={(event) => {
                            if (dragged?.kind !== "lesson") return;
                            event.preventDefault();
                            event.stopPropagation();
                            setDropTarget(module.id);
                          }}
                          onDrop={(event) => onDrop(event, module.id, lessonIndex)}
                          data-testid="edit-lesson"
                        >
                          <span className="course-drag-handle" aria-hidden="true" title="Drag to reorder">
                            ⠿
                          </span>
                          <span className="course-lesson-marker" aria-hidden="true">
                            {LESSON_KIND_ICON[lesson.kind]}
                          </span>
                          <span className="course-edit-lesson-text">
                            <Link to={`/admin/courses/${course.id}/lessons/${lesson.id}`}>{lesson.title}</Link>
                            <span className="hint">
                              {LESSON_KIND_LABEL[lesson.kind]}
                              {drip && ` · ${drip}`}
                            </span>
                          </span>
                          <span className="course-move-buttons">
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              aria-disabled={first || undefined}
                              onClick={() => !first && void moveLesson(moduleIndex, lessonIndex, -1)}
                            >
                              <span aria-hidden="true">↑</span>
                              <span className="visually-hidden">Move “{lesson.title}” up</span>
                            </button>
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              aria-disabled={last || undefined}
                              onClick={() => !last && void moveLesson(moduleIndex, lessonIndex, 1)}
                            >
                              <span aria-hidden="true">↓</span>
                              <span className="visually-hidden">Move “{lesson.title}” down</span>
                            </button>
                          </span>
                        </li>
                      );
                    })}
                  </ol>
                )}
                <AddLessonForm courseId={course.id} moduleId={module.id} moduleTitle={module.title} />
              </li>
            ))}
          </ol>
        </>
      )}
      <AddModuleForm courseId={course.id} first={modules.length === 0} onAdded={(title) => setAnnouncement(`Module “${title}” added.`)} />
    </div>
  );
}

function ModuleHeader({
  module,
  index,
  count,
  onMove,
  onGrab,
}: {
  onGrab: (on: boolean) => void;
  module: CourseOutlineModuleFieldsFragment;
  index: number;
  count: number;
  onMove: (step: -1 | 1) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(DeleteCourseModuleDocument);
  const drip = describeDrip(module.drip);
  if (editing) return <ModuleForm module={module} onDone={() => setEditing(false)} />;
  return (
    <div className="course-edit-module-header">
      <span
        className="course-drag-handle"
        aria-hidden="true"
        title="Drag to reorder"
        onMouseDown={() => onGrab(true)}
        onMouseUp={() => onGrab(false)}
      >
        ⠿
      </span>
      <h3>
        <span className="hint">Module {index + 1}</span> {module.title}
        {drip && <span className="hint course-drip-note"> · {drip}</span>}
      </h3>
      <span className="course-move-buttons">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-disabled={index === 0 || undefined}
          onClick={() => index > 0 && onMove(-1)}
        >
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">Move module “{module.title}” up</span>
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-disabled={index === count - 1 || undefined}
          onClick={() => index < count - 1 && onMove(1)}
        >
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">Move module “{module.title}” down</span>
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> module “{module.title}”</span>
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setDeleting(true)}>
          Delete<span className="visually-hidden"> module “{module.title}”</span>
        </button>
      </span>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete module “${module.title}”?`}
          confirmLabel="Delete module"
          danger
          busy={loading}
          onConfirm={async () => {
            const result = (await remove({ variables: { id: module.id } })).data?.deleteCourseModule;
            setDeleting(false);
            if (result?.__typename !== "CourseSuccess") setError(problemOf(result)?.message ?? "Could not delete the module.");
          }}
          onCancel={() => setDeleting(false)}
        >
          <p>
            Its {module.lessons.length === 1 ? "lesson" : `${module.lessons.length} lessons`} and the students' progress in them are deleted
            too.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ModuleForm({ module, onDone }: { module: CourseOutlineModuleFieldsFragment; onDone: () => void }) {
  const id = useId();
  const [title, setTitle] = useState(module.title);
  const [drip, setDrip] = useState<DripDraft>(dripDraftOf(module.drip));
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateCourseModuleDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dripInput = dripInputOf(drip);
    if (typeof dripInput === "string") return setError(dripInput);
    const result = (await update({ variables: { id: module.id, input: { title: title.trim(), drip: dripInput } } })).data
      ?.updateCourseModule;
    if (result?.__typename === "CourseModuleSuccess") onDone();
    else setError(problemOf(result)?.message ?? "Could not save the module.");
  };
  return (
    <form className="course-module-form" onSubmit={(event) => void submit(event)} aria-label={`Edit module “${module.title}”`}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Module title</label>
        <input id={`${id}-title`} value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <DripFields value={drip} onChange={setDrip} what="module" />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={loading || !title.trim()}>
          Save module
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddModuleForm({ courseId, first, onAdded }: { courseId: string; first: boolean; onAdded: (title: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateCourseModuleDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = (await create({ variables: { courseId, input: { title: title.trim() } } })).data?.createCourseModule;
    if (result?.__typename === "CourseModuleSuccess") {
      onAdded(title.trim());
      setTitle("");
    } else setError(problemOf(result)?.message ?? "Could not add the module.");
  };
  return (
    <form className="card course-add-module" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{first ? "Add the first module" : "Add a module"}</h3>
      <div className="course-inline-form">
        <div className="field">
          <label htmlFor={`${id}-title`}>Module title</label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={loading || !title.trim()}>
          Add module
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

const NEW_LESSON_KINDS: CourseLessonKind[] = ["VIDEO", "TEXT", "DOWNLOAD", "QUIZ"];

/** A new lesson at the end of the module: a title and a kind; its content is written in its editor. */
function AddLessonForm({ courseId, moduleId, moduleTitle }: { courseId: string; moduleId: string; moduleTitle: string }) {
  const id = useId();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<CourseLessonKind>("TEXT");
  const [videoUrl, setVideoUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateCourseLessonDocument);
  if (!open)
    return (
      <button type="button" className="button button-secondary button-small course-add-lesson-open" onClick={() => setOpen(true)}>
        + Add lesson<span className="visually-hidden"> to “{moduleTitle}”</span>
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      title: title.trim(),
      kind,
      body: kind === "TEXT" ? `# ${title.trim()}\n` : null,
      video: kind === "VIDEO" ? { url: videoUrl.trim() } : null,
      ...(kind === "QUIZ"
        ? {
            quiz: {
              passMarkPercent: 70,
              retriesAllowed: true,
              questions: [
                {
                  prompt: "Your first question",
                  kind: "SINGLE_CHOICE" as const,
                  options: [
                    { text: "A right answer", correct: true },
                    { text: "A wrong answer", correct: false },
                  ],
                },
              ],
            },
          }
        : {}),
    };
    const result = (await create({ variables: { moduleId, input } })).data?.createCourseLesson;
    if (result?.__typename === "CourseLessonSuccess") {
      navigate(`/admin/courses/${courseId}/lessons/${result.lesson.id}`, { state: { created: true } });
      return;
    }
    setError(problemOf(result)?.message ?? "Could not add the lesson.");
  };
  return (
    <form className="course-add-lesson" onSubmit={(event) => void submit(event)} aria-label={`Add a lesson to “${moduleTitle}”`}>
      <div className="course-inline-form">
        <div className="field">
          <label htmlFor={`${id}-title`}>Lesson title</label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CourseLessonKind)}>
            {NEW_LESSON_KINDS.map((value) => (
              <option key={value} value={value}>
                {LESSON_KIND_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
        {kind === "VIDEO" && (
          <div className="field">
            <label htmlFor={`${id}-video`}>Video link</label>
            <input id={`${id}-video`} type="url" placeholder="https://…" value={videoUrl} onChange={(e) => setVideoUrl(e.target.value)} />
          </div>
        )}
        <button type="submit" className="button" disabled={loading || !title.trim() || (kind === "VIDEO" && !videoUrl.trim())}>
          Add lesson
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
