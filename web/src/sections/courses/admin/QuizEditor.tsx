import { useId } from "react";
import type { CourseQuizQuestionKind } from "../../../gql/graphql";
import { moveItem } from "../shared/reorder";
import { markCorrect, newKey, newQuestion, type QuestionDraft } from "./quizDraft";

interface QuizEditorProps {
  passMark: string;
  onPassMark: (value: string) => void;
  retries: boolean;
  onRetries: (value: boolean) => void;
  questions: QuestionDraft[];
  onQuestions: (questions: QuestionDraft[]) => void;
  passMarkError?: string;
}

/** A quiz's pass mark, retries and questions: single or multiple choice, each option marked right or wrong. */
export function QuizEditor({ passMark, onPassMark, retries, onRetries, questions, onQuestions, passMarkError }: QuizEditorProps) {
  const id = useId();
  const change = (index: number, question: QuestionDraft) => onQuestions(questions.map((entry, at) => (at === index ? question : entry)));
  return (
    <fieldset className="fieldset course-quiz-editor">
      <legend>Quiz</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-pass`}>Pass mark (%)</label>
          <input
            id={`${id}-pass`}
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            value={passMark}
            aria-invalid={passMarkError ? true : undefined}
            onChange={(e) => onPassMark(e.target.value)}
          />
          {passMarkError && <p className="field-error">{passMarkError}</p>}
        </div>
        <div className="field checkbox">
          <input id={`${id}-retries`} type="checkbox" checked={retries} onChange={(e) => onRetries(e.target.checked)} />
          <label htmlFor={`${id}-retries`}>Students may try again after a failed attempt</label>
        </div>
      </div>
      <ol className="plain-list course-quiz-edit-questions">
        {questions.map((question, index) => (
          <li key={question.key} className="card course-quiz-edit-question">
            <div className="field">
              <label htmlFor={`${id}-${question.key}-prompt`}>Question {index + 1}</label>
              <textarea
                id={`${id}-${question.key}-prompt`}
                rows={2}
                maxLength={1000}
                value={question.prompt}
                onChange={(e) => change(index, { ...question, prompt: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-${question.key}-kind`}>Answers</label>
              <select
                id={`${id}-${question.key}-kind`}
                value={question.kind}
                onChange={(e) => {
                  const kind = e.target.value as CourseQuizQuestionKind;
                  const firstRight = question.options.findIndex((option) => option.correct);
                  const options =
                    kind === "SINGLE_CHOICE"
                      ? question.options.map((option, at) => ({ ...option, correct: at === Math.max(0, firstRight) }))
                      : question.options;
                  change(index, { ...question, kind, options });
                }}
              >
                <option value="SINGLE_CHOICE">One right option</option>
                <option value="MULTIPLE_CHOICE">Several right options</option>
              </select>
            </div>
            <fieldset className="fieldset">
              <legend>Options of question {index + 1} (mark the right ones)</legend>
              {question.options.map((option, optionIndex) => (
                <div key={option.key} className="course-quiz-edit-option">
                  <input
                    type={question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox"}
                    name={`${id}-${question.key}-right`}
                    checked={option.correct}
                    aria-label={`Option ${optionIndex + 1} is right`}
                    onChange={(e) => change(index, markCorrect(question, option.key, e.target.checked))}
                  />
                  <input
                    type="text"
                    aria-label={`Option ${optionIndex + 1} of question ${index + 1}`}
                    maxLength={500}
                    value={option.text}
                    onChange={(e) =>
                      change(index, {
                        ...question,
                        options: question.options.map((entry) => (entry.key === option.key ? { ...entry, text: e.target.value } : entry)),
                      })
                    }
                  />
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={question.options.length <= 2}
                    onClick={() => change(index, { ...question, options: question.options.filter((entry) => entry.key !== option.key) })}
                  >
                    Remove<span className="visually-hidden"> option {optionIndex + 1}</span>
                  </button>
                </div>
              ))}
              {question.options.length < 10 && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    change(index, { ...question, options: [...question.options, { key: newKey(), text: "", correct: false }] })
                  }
                >
                  Add option<span className="visually-hidden"> to question {index + 1}</span>
                </button>
              )}
            </fieldset>
            <div className="actions">
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={index === 0}
                onClick={() => onQuestions(moveItem(questions, index, index - 1))}
              >
                Move question {index + 1} up
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={index === questions.length - 1}
                onClick={() => onQuestions(moveItem(questions, index, index + 1))}
              >
                Move question {index + 1} down
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={questions.length <= 1}
                onClick={() => onQuestions(questions.filter((entry) => entry.key !== question.key))}
              >
                Remove question {index + 1}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {questions.length < 100 && (
        <button type="button" className="button button-secondary" onClick={() => onQuestions([...questions, newQuestion()])}>
          Add question
        </button>
      )}
    </fieldset>
  );
}
