import { Marked, type TokenizerAndRendererExtension } from "marked";
import sanitizeHtml from "sanitize-html";

/** Someone a body may mention with `@Name`. */
export interface Mentionable {
  kind: "contact" | "staff";
  id: string;
  name: string;
}

export interface RenderedBody {
  html: string;
  /** People mentioned, each once. */
  mentioned: Mentionable[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/**
 * What survives in a post's HTML: text formatting, lists, quotes, code, headings and links (http,
 * https, mailto only, opened in a new tab without referrer). No script, style, iframe, image, event
 * attribute or javascript: URL survives, whatever the Markdown held (raw HTML included).
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
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
  ],
  allowedAttributes: { a: ["href", "class", "data-person-id", "data-person-kind", "rel", "target"], ol: ["start"] },
  allowedClasses: { a: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.class === "mention"
        ? {
            tagName,
            attribs: {
              class: "mention",
              href: attribs.href ?? "",
              "data-person-id": attribs["data-person-id"] ?? "",
              "data-person-kind": attribs["data-person-kind"] ?? "",
            },
          }
        : { tagName, attribs: { href: attribs.href ?? "", rel: "nofollow noopener noreferrer ugc", target: "_blank" } },
  },
};

/** A mention links to the person inside the group's members (`#person-<id>`); the web app opens them. */
function mentionExtension(people: Mentionable[], mentioned: Map<string, Mentionable>): TokenizerAndRendererExtension {
  // Longest names first, so "@Alex Morgan" wins over "@Alex".
  const candidates = people
    .flatMap((person) => {
      const first = person.name.trim().split(/\s+/)[0] ?? "";
      return [{ label: person.name.trim(), person }, ...(first && first !== person.name.trim() ? [{ label: first, person }] : [])];
    })
    .filter((candidate) => candidate.label)
    .sort((a, b) => b.label.length - a.label.length);
  return {
    name: "mention",
    level: "inline",
    // An "@" right after a letter or digit is part of something else (an email address), not a mention.
    start: (src: string) => {
      const match = /(^|[^\p{L}\p{N}_.@+-])@/u.exec(src);
      return match ? match.index + match[1]!.length : undefined;
    },
    tokenizer(src: string) {
      if (!src.startsWith("@")) return undefined;
      const rest = src.slice(1).toLowerCase();
      for (const candidate of candidates) {
        const label = candidate.label.toLowerCase();
        if (!rest.startsWith(label)) continue;
        const next = src.charAt(1 + label.length);
        if (next && /[\p{L}\p{N}_]/u.test(next)) continue; // "@Alexandra" is not "@Alex"
        return { type: "mention", raw: src.slice(0, 1 + label.length), label: src.slice(1, 1 + label.length), person: candidate.person };
      }
      return undefined;
    },
    renderer(token) {
      const person = token.person as Mentionable;
      mentioned.set(`${person.kind}:${person.id}`, person);
      return `<a class="mention" href="#person-${escapeHtml(person.id)}" data-person-id="${escapeHtml(person.id)}" data-person-kind="${person.kind}">@${escapeHtml(String(token.label))}</a>`;
    },
  };
}

/** Markdown → sanitised HTML, with `@Name` of `people` turned into mention links. */
export function renderBody(markdown: string, people: Mentionable[] = []): RenderedBody {
  const mentioned = new Map<string, Mentionable>();
  const marked = new Marked({ gfm: true, breaks: true, async: false });
  if (people.length) marked.use({ extensions: [mentionExtension(people, mentioned)] });
  const raw = marked.parse(markdown) as string;
  return { html: sanitizeHtml(raw, SANITIZE).trim(), mentioned: [...mentioned.values()] };
}

/** A short plain-text excerpt for emails. */
export function excerptOf(markdown: string, length = 200): string {
  const text = sanitizeHtml(new Marked({ async: false }).parse(markdown) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
