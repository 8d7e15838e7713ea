import { describe, expect, it } from "vitest";
import { parseBlocks } from "./markdownPreview";

describe("the composer's Markdown preview", () => {
  it("splits paragraphs, headings, lists, quotes and code", () => {
    const blocks = parseBlocks("# Hello\n\nFirst line\nsecond line\n\n- one\n- two\n\n1. a\n2. b\n\n> quoted\n\n```\n<b>x</b>\n```");
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Hello" },
      { kind: "paragraph", lines: ["First line", "second line"] },
      { kind: "list", ordered: false, items: ["one", "two"] },
      { kind: "list", ordered: true, items: ["a", "b"] },
      { kind: "quote", lines: ["quoted"] },
      { kind: "code", text: "<b>x</b>" },
    ]);
  });

  it("keeps markup as text: nothing becomes HTML", () => {
    const blocks = parseBlocks('<img src=x onerror="alert(1)">');
    expect(blocks).toEqual([{ kind: "paragraph", lines: ['<img src=x onerror="alert(1)">'] }]);
  });

  it("has nothing for blank input", () => {
    expect(parseBlocks("  \n\n ")).toEqual([]);
  });
});
