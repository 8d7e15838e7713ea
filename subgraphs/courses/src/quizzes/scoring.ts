import type { QuizQuestionRow, StoredAnswer } from "./quiz.entity.js";

export interface AnswerInput {
  questionId: string;
  optionIds: string[];
}

export interface Score {
  answers: StoredAnswer[];
  correctCount: number;
  questionCount: number;
  scorePercent: number;
}

/**
 * Scores an attempt: a question is right when the options chosen are exactly its right options (for
 * a multiple-choice question, all of them and no other). A question left out is wrong. The percent
 * is rounded down, so a pass mark of 100 needs every answer right.
 */
export function scoreAttempt(questions: readonly QuizQuestionRow[], answers: readonly AnswerInput[]): Score {
  const given = new Map(answers.map((answer) => [answer.questionId, new Set(answer.optionIds)]));
  const stored: StoredAnswer[] = questions.map((question) => {
    const chosen = given.get(question.id) ?? new Set<string>();
    const correct = chosen.size === question.correctOptionIds.length && question.correctOptionIds.every((id) => chosen.has(id));
    return { questionId: question.id, optionIds: [...chosen], correct, correctOptionIds: [...question.correctOptionIds] };
  });
  const correctCount = stored.filter((answer) => answer.correct).length;
  const questionCount = questions.length;
  return {
    answers: stored,
    correctCount,
    questionCount,
    scorePercent: questionCount ? Math.floor((correctCount * 100) / questionCount) : 0,
  };
}

/** Which answer in the input is not about this quiz, or chooses options the question does not have. */
export function invalidAnswer(
  questions: readonly QuizQuestionRow[],
  answers: readonly AnswerInput[],
): { index: number; field: string; message: string } | null {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  for (const [index, answer] of answers.entries()) {
    const question = byId.get(answer.questionId);
    if (!question || seen.has(answer.questionId))
      return { index, field: "questionId", message: "No such question in this quiz (or given twice)" };
    seen.add(answer.questionId);
    const options = new Set(question.options.map((option) => option.id));
    if (answer.optionIds.some((id) => !options.has(id))) return { index, field: "optionIds", message: "No such option in this question" };
    if (question.kind === "single" && answer.optionIds.length > 1) return { index, field: "optionIds", message: "Choose one option" };
  }
  return null;
}
