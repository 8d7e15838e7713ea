import type { CourseQuizQuestionKind } from "../../../gql/graphql";

export interface OptionDraft {
  key: string;
  text: string;
  correct: boolean;
}

export interface QuestionDraft {
  key: string;
  prompt: string;
  kind: CourseQuizQuestionKind;
  options: OptionDraft[];
}

let counter = 0;
export const newKey = () => `draft-${++counter}`;

export function newQuestion(): QuestionDraft {
  return {
    key: newKey(),
    prompt: "",
    kind: "SINGLE_CHOICE",
    options: [
      { key: newKey(), text: "", correct: true },
      { key: newKey(), text: "", correct: false },
    ],
  };
}

/** The editor's questions from the stored quiz (staff read the right options). */
export function questionDraftsOf(
  questions: {
    id: string;
    prompt: string;
    kind: CourseQuizQuestionKind;
    options: { id: string; text: string }[];
    correctOptionIds?: readonly string[] | null;
  }[],
): QuestionDraft[] {
  return questions.map((question) => ({
    key: question.id,
    prompt: question.prompt,
    kind: question.kind,
    options: question.options.map((option) => ({
      key: option.id,
      text: option.text,
      correct: question.correctOptionIds?.includes(option.id) ?? false,
    })),
  }));
}

/** What is wrong with the questions before they are sent, or null. */
export function quizProblem(questions: QuestionDraft[]): string | null {
  if (questions.length === 0) return "Add at least one question.";
  for (const [index, question] of questions.entries()) {
    const n = index + 1;
    if (!question.prompt.trim()) return `Question ${n} has no text.`;
    if (question.options.length < 2) return `Question ${n} needs at least two options.`;
    if (question.options.some((option) => !option.text.trim())) return `An option of question ${n} is empty.`;
    const right = question.options.filter((option) => option.correct).length;
    if (question.kind === "SINGLE_CHOICE" && right !== 1) return `Question ${n} needs exactly one right option.`;
    if (question.kind === "MULTIPLE_CHOICE" && right < 1) return `Question ${n} needs at least one right option.`;
  }
  return null;
}

/** The server's quiz input from the drafts. */
export function questionInputsOf(questions: QuestionDraft[]) {
  return questions.map((question) => ({
    prompt: question.prompt.trim(),
    kind: question.kind,
    options: question.options.map((option) => ({ text: option.text.trim(), correct: option.correct })),
  }));
}

/** A single-choice question keeps one right option: choosing one clears the others. */
export function markCorrect(question: QuestionDraft, optionKey: string, correct: boolean): QuestionDraft {
  return {
    ...question,
    options: question.options.map((option) =>
      option.key === optionKey
        ? { ...option, correct }
        : question.kind === "SINGLE_CHOICE" && correct
          ? { ...option, correct: false }
          : option,
    ),
  };
}
