import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState, type FormEvent } from "react";
import type { CourseQuizAttemptFieldsFragment, CourseQuizQuestionKind } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { problemOf } from "../../../shared/results";
import { SubmitCourseQuizDocument } from "./operations";

interface QuizContent {
  html: string;
  passMarkPercent: number;
  retriesAllowed: boolean;
  passed: boolean;
  canSubmit: boolean;
  questions: { id: string; position: number; prompt: string; kind: CourseQuizQuestionKind; options: { id: string; text: string }[] }[];
  attempts: CourseQuizAttemptFieldsFragment[];
}

/**
 * A quiz: the questions without their answers; the server scores the attempt and says which were
 * right (and, once the quiz is over, the right options). Passing completes the lesson; a failed
 * attempt may be retried when the quiz allows it.
 */
export function QuizLesson({
  lessonId,
  content,
  onCompleted,
  onSubmitted,
}: {
  lessonId: string;
  content: QuizContent;
  onCompleted: (completedNow: boolean) => void;
  /** The attempt was scored: the lesson is read again (its attempts, whether another one is allowed). */
  onSubmitted: () => void;
}) {
  const id = useId();
  const startedAt = useRef(new Date().toISOString());
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submit, { loading }] = useMutation(SubmitCourseQuizDocument);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [scored, setScored] = useState<CourseQuizAttemptFieldsFragment | null>(null);
  const latest = scored ?? content.attempts[0];
  const showForm = (content.canSubmit && !latest) || retrying;
  const unanswered = content.questions.filter((question) => !answers[question.id]?.length).length;

  const choose = (questionId: string, optionId: string, kind: CourseQuizQuestionKind, on: boolean) =>
    setAnswers((current) => {
      const chosen = current[questionId] ?? [];
      const next = kind === "SINGLE_CHOICE" ? [optionId] : on ? [...chosen, optionId] : chosen.filter((option) => option !== optionId);
      return { ...current, [questionId]: next };
    });

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      lessonId,
      startedAt: startedAt.current,
      answers: content.questions.map((question) => ({ questionId: question.id, optionIds: answers[question.id] ?? [] })),
    };
    const result = (await submit({ variables: { input } })).data?.submitCourseQuiz;
    if (result?.__typename === "SubmitCourseQuizSuccess") {
      setScored(result.attempt);
      setRetrying(false);
      setAnswers({});
      onCompleted(result.attempt.passed);
      onSubmitted();
      requestAnimationFrame(() => resultHeading.current?.focus());
      return;
    }
    setError(problemOf(result)?.message ?? "Could not send your answers. Please try again.");
  };

  return (
    <div className="course-quiz">
      {content.html && <div className="course-html" dangerouslySetInnerHTML={{ __html: content.html }} />}
      <p className="hint">
        {content.questions.length === 1 ? "1 question" : `${content.questions.length} questions`} · Pass mark {content.passMarkPercent}%
        {content.retriesAllowed ? " · You may retry" : " · One attempt"}
      </p>
      {latest && !showForm && (
        <QuizResult
          attempt={latest}
          questions={content.questions}
          headingRef={resultHeading}
          passMarkPercent={content.passMarkPercent}
          canRetry={content.canSubmit && !latest.passed}
          onRetry={() => {
            setScored(null);
            setRetrying(true);
            startedAt.current = new Date().toISOString();
          }}
        />
      )}
      {showForm && (
        <form onSubmit={(event) => void send(event)} aria-label="Quiz" noValidate>
          <ol className="plain-list course-quiz-questions">
            {content.questions.map((question, index) => (
              <li key={question.id}>
                <fieldset className="fieldset course-quiz-question">
                  <legend>
                    <span className="course-quiz-number">Question {index + 1}.</span> {question.prompt}
                    {question.kind === "MULTIPLE_CHOICE" && <span className="hint"> (choose all that apply)</span>}
                  </legend>
                  {question.options.map((option) => {
                    const inputId = `${id}-${option.id}`;
                    const checked = answers[question.id]?.includes(option.id) ?? false;
                    return (
                      <div key={option.id} className="field checkbox course-quiz-option">
                        <input
                          id={inputId}
                          type={question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox"}
                          name={`${id}-${question.id}`}
                          checked={checked}
                          onChange={(event) => choose(question.id, option.id, question.kind, event.target.checked)}
                        />
                        <label htmlFor={inputId}>{option.text}</label>
                      </div>
                    );
                  })}
                </fieldset>
              </li>
            ))}
          </ol>
          {error && (
            <p className="alert alert-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button" disabled={loading}>
              {loading ? "Checking…" : "Submit answers"}
            </button>
            {unanswered > 0 && (
              <span className="hint">{unanswered === 1 ? "1 question unanswered" : `${unanswered} questions unanswered`}</span>
            )}
          </div>
        </form>
      )}
      {!content.canSubmit && !latest && <p className="empty-state">This quiz cannot be taken right now.</p>}
      {content.attempts.length > 1 && (
        <details className="course-quiz-history">
          <summary>Your attempts ({content.attempts.length})</summary>
          <ul className="plain-list">
            {content.attempts.map((attempt) => (
              <li key={attempt.id}>
                {formatDateTime(attempt.submittedAt)}: {attempt.scorePercent}% · {attempt.passed ? "Passed" : "Not passed"}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function QuizResult({
  attempt,
  questions,
  headingRef,
  passMarkPercent,
  canRetry,
  onRetry,
}: {
  attempt: CourseQuizAttemptFieldsFragment;
  questions: QuizContent["questions"];
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  passMarkPercent: number;
  canRetry: boolean;
  onRetry: () => void;
}) {
  const byQuestion = new Map(attempt.answers.map((answer) => [answer.questionId, answer]));
  return (
    <section
      className={`course-quiz-result ${attempt.passed ? "course-quiz-passed" : "course-quiz-failed"}`}
      aria-labelledby="quiz-result"
      data-testid="quiz-result"
    >
      <h3 id="quiz-result" ref={headingRef} tabIndex={-1}>
        {attempt.passed ? "Passed" : "Not passed"}: {attempt.scorePercent}%
      </h3>
      <p>
        {attempt.correctCount} of {attempt.questionCount} right. {attempt.passed ? "Well done!" : `You need ${passMarkPercent}% to pass.`}
      </p>
      <ol className="plain-list course-quiz-review">
        {questions.map((question, index) => {
          const answer = byQuestion.get(question.id);
          const text = (ids: readonly string[] | null | undefined) =>
            (ids ?? [])
              .map((optionId) => question.options.find((option) => option.id === optionId)?.text ?? "")
              .filter(Boolean)
              .join(", ");
          return (
            <li key={question.id} className={answer?.correct ? "course-answer-right" : "course-answer-wrong"}>
              <span aria-hidden="true">{answer?.correct ? "✓ " : "✗ "}</span>
              <strong>
                {index + 1}. {question.prompt}
              </strong>{" "}
              <span className="visually-hidden">{answer?.correct ? "Right." : "Wrong."}</span>
              <span className="hint">Your answer: {text(answer?.selectedOptionIds) || "none"}</span>
              {answer?.correctOptionIds && !answer.correct && (
                <span className="hint"> · Right answer: {text(answer.correctOptionIds)}</span>
              )}
            </li>
          );
        })}
      </ol>
      {canRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
