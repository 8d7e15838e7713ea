import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * What survives in an offer's description on the public page: text formatting, headings, lists,
 * quotes, code and links (http, https, mailto; new tab, no referrer). No script, style, iframe,
 * form, image, event attribute or javascript:/data: URL survives, whatever the Markdown held.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h2", "h3", "h4", "hr"],
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
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

/** Markdown → HTML safe to insert as it is; rendered once, when staff save the offer. */
export function renderOfferMarkdown(markdown: string): string {
  if (!markdown.trim()) return "";
  return sanitizeHtml(marked.parse(markdown) as string, SANITIZE).trim();
}
