import { describe, expect, it } from "vitest";
import { renderOfferMarkdown } from "../src/offers/offer-markdown.js";

describe("an offer's description on the public order page", () => {
  it("keeps formatting, lists and safe links (opening in a new tab without a referrer)", () => {
    const html = renderOfferMarkdown("## What you get\n\n- Six **evenings**\n- A [kiln](https://example.test/kiln) of your own");
    expect(html).toContain("<h2>What you get</h2>");
    expect(html).toContain("<li>Six <strong>evenings</strong></li>");
    expect(html).toContain('<a href="https://example.test/kiln" rel="nofollow noopener noreferrer" target="_blank">kiln</a>');
  });

  it.each([
    ["<script>alert(1)</script>Hello", /<script/i],
    ['<img src="x" onerror="alert(1)">', /<img|onerror/i],
    ["[click](javascript:alert(1))", /href="javascript/i],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', /href="data:/i],
    ['<iframe src="https://evil.test"></iframe>', /<iframe/i],
    ['<p style="position:fixed" onclick="steal()">Hi</p>', /style=|onclick/i],
    ["<form action=https://evil.test><input name=card></form>", /<form|<input/i],
  ])("drops what could run or restyle the page: %s", (markdown, forbidden) => {
    expect(renderOfferMarkdown(markdown)).not.toMatch(forbidden);
  });

  it("an empty description renders nothing", () => {
    expect(renderOfferMarkdown("  \n ")).toBe("");
  });
});
