import Mustache from "mustache";

/** Every value some template may use (docs/architecture.md, "Placeholders"); each key allows a subset. */
export const PLACEHOLDERS = [
  "contact.name",
  "contact.firstName",
  "business.name",
  "link",
  "expiresInMinutes",
  "invoice.number",
  "invoice.amountDue",
  "invoice.total",
  "invoice.dueDate",
  "payment.amount",
  "payment.date",
  "payment.method",
  "document.title",
  "document.message",
  "sender.name",
  "decliner.name",
  "decline.reason",
  "group.name",
  "post.title",
  "author.name",
  "excerpt",
  "course.title",
  "lesson.title",
  "appointment.type",
  "appointment.with",
  "appointment.when",
  "appointment.location",
  "appointment.previousWhen",
  "appointment.changedBy",
  "appointment.cancelReason",
  "appointment.startsIn",
  "client.name",
  "host.name",
  "referral.label",
  "referral.link",
  "referral.via",
  "commission.amount",
  "commission.approvedBalance",
  "payout.amount",
  "payout.reference",
  "payout.commissionCount",
  "payout.date",
  "order.offerName",
  "webhook.url",
  "webhook.reason",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A template as a flat list: literal text and placeholders (sections and partials are not supported). */
export type TemplatePart = { kind: "text"; text: string } | { kind: "placeholder"; name: Placeholder };

export class TemplateSyntaxError extends Error {}

/** Parses with mustache and accepts only plain text and the `allowed` `{{placeholder}}`s. */
export function parseTemplate(template: string, allowed: readonly Placeholder[] = PLACEHOLDERS): TemplatePart[] {
  const known = new Set<string>(allowed);
  const listOfKnown = allowed.map((name) => `{{${name}}}`).join(", ");
  let tokens: unknown[][];
  try {
    tokens = Mustache.parse(template) as unknown[][];
  } catch (error) {
    throw new TemplateSyntaxError(`The template is malformed: ${(error as Error).message}. Placeholders look like {{contact.firstName}}.`);
  }
  const parts: TemplatePart[] = [];
  for (const [type, value] of tokens as [string, string][]) {
    if (type === "text") parts.push({ kind: "text", text: value });
    else if (type === "!") continue;
    else if (type === "name") {
      // A missing closing brace swallows text up to the next tag, e.g. `{{contact.name}\n{{link}}`.
      if (!/^[A-Za-z0-9_.]+$/.test(value)) {
        throw new TemplateSyntaxError(
          `The template is malformed near {{${value.slice(0, 30)}: each placeholder needs two closing braces, like {{contact.firstName}}.`,
        );
      }
      if (!known.has(value)) throw new TemplateSyntaxError(`Unknown placeholder {{${value}}}. Available placeholders: ${listOfKnown}.`);
      parts.push({ kind: "placeholder", name: value as Placeholder });
    } else if (type === "&") {
      throw new TemplateSyntaxError(`Use {{${value}}} with two braces; unescaped placeholders are not allowed.`);
    } else {
      throw new TemplateSyntaxError(
        `Only simple placeholders are supported (found {{${type}${value}}}). Available placeholders: ${listOfKnown}.`,
      );
    }
  }
  return parts;
}

export function placeholdersIn(parts: TemplatePart[]): Set<Placeholder> {
  return new Set(parts.flatMap((part) => (part.kind === "placeholder" ? [part.name] : [])));
}
