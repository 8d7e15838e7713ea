import { describe, expect, it } from "vitest";
import { excerptOf, renderBody } from "../src/feed/markdown.js";
import { mentionedWords } from "../src/feed/post-body.js";

const people = [
  { kind: "contact" as const, id: "c1", name: "Ada Lovelace" },
  { kind: "contact" as const, id: "c2", name: "Alex Rivera" },
  { kind: "staff" as const, id: "s1", name: "Olivia Owner" },
];

describe("Markdown bodies", () => {
  it("links @mentions of known people, full name first, never inside words, emails or code", () => {
    const rendered = renderBody("Hi @Ada Lovelace and @Alex, cc @Olivia. Not @Alexandra, not ada@Ada.com, not `@Ada`.", people);
    expect(rendered.mentioned.map((person) => person.id).sort()).toEqual(["c1", "c2", "s1"]);
    expect(rendered.html).toContain('data-person-id="c1" data-person-kind="contact">@Ada Lovelace</a>');
    expect(rendered.html).toContain('data-person-kind="staff">@Olivia</a>');
    expect(rendered.html).toContain("Not @Alexandra");
    expect(rendered.html).toContain("<code>@Ada</code>");
    expect(rendered.html.match(/class="mention"/g)).toHaveLength(3);
  });

  it("keeps formatting, lists, quotes and code; links open safely", () => {
    const html = renderBody("# Title\n\n> quote\n\n- one\n- two\n\n```\ncode <b>\n```\n\n[x](http://example.com)").html;
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<pre><code>code &lt;b&gt;\n</code></pre>");
    expect(html).toContain('<a href="http://example.com" rel="nofollow noopener noreferrer ugc" target="_blank">x</a>');
  });

  it("makes plain-text excerpts for emails", () => {
    expect(excerptOf("**Bold** & <i>raw</i>\n\nsecond paragraph")).toBe("Bold & raw second paragraph");
    expect(excerptOf("x".repeat(300))).toHaveLength(200);
  });

  it("looks up only the first words written after an @ (never inside an email address)", () => {
    expect(mentionedWords("Hi @Ada Lovelace, @alex's idea; mail me@olivia.test or @Ada again")).toEqual(["ada", "alex"]);
    expect(mentionedWords("no mentions here")).toEqual([]);
  });
});
