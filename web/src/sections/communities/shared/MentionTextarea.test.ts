import { describe, expect, it } from "vitest";
import { mentionAt } from "./MentionTextarea";

describe("the @name being typed", () => {
  it("is found just before the caret, at the start or after a space", () => {
    expect(mentionAt("@", 1)).toEqual({ start: 0, term: "" });
    expect(mentionAt("Thanks @Gra", 11)).toEqual({ start: 7, term: "Gra" });
    expect(mentionAt("Thanks @Grace Ho", 16)).toEqual({ start: 7, term: "Grace Ho" });
  });

  it("is not an email address or a finished mention", () => {
    expect(mentionAt("mail me at ada@example.test", 27)).toBeNull();
    expect(mentionAt("@Grace Hopper thanks", 20)).toBeNull();
    expect(mentionAt("no mention here", 15)).toBeNull();
  });
});
