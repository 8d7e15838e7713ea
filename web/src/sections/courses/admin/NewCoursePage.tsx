import { useMutation } from "@apollo/client/react";
import { useEffect, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "../../../shared/BackLink";
import { Field, TextAreaField } from "../../../shared/Field";
import { messageFor, problemOf, type Problem } from "../../../shared/results";
import { CreateCourseDocument } from "./courseOperations";

/** A new draft course: its title and description; modules, lessons and the cover come next in the builder. */
export function NewCoursePage() {
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [certificate, setCertificate] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [create, { loading }] = useMutation(CreateCourseDocument);
  useEffect(() => {
    document.title = "New course";
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const input = { title: title.trim(), description: description.trim() || null, certificateEnabled: certificate };
    const result = (await create({ variables: { input } })).data?.createCourse;
    if (result?.__typename === "CourseSuccess") {
      navigate(`/admin/courses/${result.course.id}`, {
        state: { notice: `${result.course.title} is ready: add a module and its lessons.` },
      });
      return;
    }
    setProblem(problemOf(result) ?? { kind: "Error", message: "Could not create the course. Please try again." });
  };
  const titleError = messageFor(problem, "title");
  const descriptionError = messageFor(problem, "description");
  return (
    <>
      <BackLink to="/admin/courses" label="Courses" />
      <h1>New course</h1>
      <form className="narrow" onSubmit={(event) => void submit(event)}>
        <Field label="Title" value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} error={titleError} />
        <TextAreaField
          label="Description"
          hint="What students will learn; shown on the course's page."
          rows={4}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={descriptionError}
        />
        <div className="field checkbox">
          <input id="new-course-certificate" type="checkbox" checked={certificate} onChange={(e) => setCertificate(e.target.checked)} />
          <label htmlFor="new-course-certificate">Issue a certificate on completion</label>
        </div>
        <p className="hint">The course starts as a draft: only your team sees it until you publish it.</p>
        {problem && !titleError && !descriptionError && (
          <p className="alert alert-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={loading || !title.trim()}>
            Create course
          </button>
        </div>
      </form>
    </>
  );
}
