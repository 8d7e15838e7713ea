import Mustache from "mustache";
import type { EmailBranding } from "../branding/email-branding.js";
import type { TemplateText } from "../templates/default-templates.js";
import type { NotificationTemplateKey } from "../templates/template-key.js";
import { BUTTON_LABELS, PLACEHOLDERS_BY_KEY } from "../templates/template-placeholders.js";
import { parseTemplate, type Placeholder, type TemplatePart } from "../templates/template-syntax.js";
import { escapeHtml } from "./escape-html.js";
import { brandedHtml, brandedText, type BodyBlock } from "./email-layout.js";

/** Values for the placeholders of one email; invoice and payment values arrive already formatted. */
export interface TemplateValues {
  contact: { name: string; firstName: string };
  link: string;
  expiresInMinutes?: number;
  invoice?: { number: string; amountDue?: string; total?: string; dueDate?: string };
  payment?: { amount: string; date: string; method: string };
  /** An order from an order page: what was bought. */
  order?: { offerName: string };
  document?: { title: string; message?: string };
  sender?: { name: string };
  decliner?: { name: string };
  decline?: { reason: string };
  group?: { name: string };
  post?: { title: string };
  author?: { name: string };
  course?: { title: string };
  lesson?: { title: string };
  excerpt?: string;
  /** Appointment values arrive formatted for the recipient (times in their zone, with the zone named). */
  appointment?: {
    type: string;
    with: string;
    when: string;
    location: string;
    previousWhen?: string;
    changedBy?: string;
    cancelReason?: string;
    startsIn?: string;
  };
  client?: { name: string };
  host?: { name: string };
  /** The referred contact as the affiliate may see them, and how they came (a phrase with the link, if any). */
  referral?: { label: string; link: string; via: string };
  /** Amounts arrive formatted in their currency. */
  commission?: { amount: string; approvedBalance: string };
  payout?: { amount: string; reference: string; commissionCount: string; date: string };
  /** A webhook endpoint that was disabled, and its last failure. */
  webhook?: { url: string; reason: string };
}

/** Placeholders whose web addresses become links inside the text (e.g. a video-meeting link). */
const LINKIFIED: ReadonlySet<Placeholder> = new Set(["appointment.location", "referral.link", "referral.via"]);

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a template into subject, branded HTML and plain text. Placeholder values are
 * HTML-escaped in the HTML part; the staff-written text is escaped too, since it is plain text.
 * Throws TemplateSyntaxError for a template that does not parse.
 */
export function renderEmail(
  key: NotificationTemplateKey,
  template: TemplateText,
  values: TemplateValues,
  branding: EmailBranding,
): RenderedEmail {
  const valueFor = (name: Placeholder): string => {
    const view = { ...values, business: { name: branding.name } };
    return String(new Mustache.Context(view).lookup(name) ?? "");
  };
  const parse = (text: string) => parseTemplate(text, PLACEHOLDERS_BY_KEY[key]);
  const subject = plain(parse(template.subject), valueFor).replace(/\s+/g, " ").trim();
  // A paragraph whose placeholders are all empty (e.g. a document sent without a message) is left out.
  const paragraphs = template.body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(parse)
    .filter((parts) => isLinkOnly(parts) || plain(parts, valueFor).trim() !== "");

  const blocks: BodyBlock[] = paragraphs.map((parts) =>
    isLinkOnly(parts) && isWebUrl(values.link)
      ? { kind: "button", url: values.link, label: BUTTON_LABELS[key] }
      : { kind: "paragraph", html: paragraphHtml(parts, valueFor, branding) },
  );
  return {
    subject,
    html: brandedHtml(branding, subject, blocks),
    text: brandedText(
      branding,
      paragraphs.map((parts) => plain(parts, valueFor)),
    ),
  };
}

function plain(parts: TemplatePart[], valueFor: (name: Placeholder) => string): string {
  return parts.map((part) => (part.kind === "text" ? part.text : valueFor(part.name))).join("");
}

function paragraphHtml(parts: TemplatePart[], valueFor: (name: Placeholder) => string, branding: EmailBranding): string {
  const html = parts
    .map((part) => {
      if (part.kind === "text") return escapeHtml(part.text);
      const value = valueFor(part.name);
      if (part.name === "link" && isWebUrl(value)) {
        return `<a href="${escapeHtml(value)}" target="_blank" style="color:${branding.accentColor};word-break:break-all;">${escapeHtml(value)}</a>`;
      }
      if (LINKIFIED.has(part.name)) return linkified(value, branding);
      return escapeHtml(value);
    })
    .join("");
  return html.replace(/\n/g, "<br>\n");
}

function isLinkOnly(parts: TemplatePart[]): boolean {
  const meaningful = parts.filter((part) => part.kind === "placeholder" || part.text.trim() !== "");
  return meaningful.length === 1 && meaningful[0].kind === "placeholder" && meaningful[0].name === "link";
}

/** Escapes `value`, turning each http(s) address in it into a link. */
function linkified(value: string, branding: EmailBranding): string {
  return value
    .split(/(https?:\/\/[^\s<>"]+)/i)
    .map((piece, index) =>
      index % 2 === 1
        ? `<a href="${escapeHtml(piece)}" target="_blank" style="color:${branding.accentColor};word-break:break-all;">${escapeHtml(piece)}</a>`
        : escapeHtml(piece),
    )
    .join("");
}

/** Only http(s) links become clickable; anything else stays text. */
function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
