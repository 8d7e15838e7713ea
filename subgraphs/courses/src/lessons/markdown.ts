import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * What survives in a lesson's HTML: text formatting, headings, lists, quotes, code, tables, links
 * (http, https, mailto; new tab, no referrer) and images from https URLs. No script, style, iframe,
 * form, event attribute or javascript:/data: URL survives, whatever the Markdown held (raw HTML too).
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "rel", "target"], img: ["src", "alt", "title"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs: { href: attribs.href ?? "", rel: "nofollow noopener noreferrer", target: "_blank" },
    }),
  },
};

const marked = new Marked({ gfm: true, breaks: false, async: false });

export const MAX_BODY_LENGTH = 100_000;

/** Markdown → HTML safe to insert into the page as it is; rendered once, when staff save the lesson. */
export function renderLessonMarkdown(markdown: string): string {
  if (!markdown.trim()) return "";
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}
