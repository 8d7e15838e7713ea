import { describe, expect, it } from "vitest";
import { markCorrect, newQuestion, questionDraftsOf, questionInputsOf, quizProblem } from "./quizDraft";

describe("the quiz editor's drafts", () => {
  it("reads stored questions with their right options and sends them back in order", () => {
    const drafts = questionDraftsOf([
      {
        id: "q1",
        prompt: "2 + 2?",
        kind: "SINGLE_CHOICE",
        options: [
          { id: "a", text: "4" },
          { id: "b", text: "5" },
        ],
        correctOptionIds: ["a"],
      },
    ]);
    expect(quizProblem(drafts)).toBeNull();
    expect(questionInputsOf(drafts)).toEqual([
      {
        prompt: "2 + 2?",
        kind: "SINGLE_CHOICE",
        options: [
          { text: "4", correct: true },
          { text: "5", correct: false },
        ],
      },
    ]);
  });

  it("keeps one right option on a single-choice question, several on a multiple-choice one", () => {
    const question = { ...newQuestion(), prompt: "Pick" };
    const [first, second] = question.options;
    const single = markCorrect(question, second!.key, true);
    expect(single.options.map((option) => option.correct)).toEqual([false, true]);
    const multiple = markCorrect({ ...question, kind: "MULTIPLE_CHOICE" }, second!.key, true);
    expect(multiple.options.map((option) => option.correct)).toEqual([true, true]);
    expect(first).toBeDefined();
  });

  it("says what is missing before sending", () => {
    expect(quizProblem([])).toBe("Add at least one question.");
    expect(quizProblem([newQuestion()])).toBe("Question 1 has no text.");
    const noRight = {
      ...newQuestion(),
      prompt: "Q",
      options: [
        { key: "x", text: "a", correct: false },
        { key: "y", text: "b", correct: false },
      ],
    };
    expect(quizProblem([noRight])).toBe("Question 1 needs exactly one right option.");
  });
});
