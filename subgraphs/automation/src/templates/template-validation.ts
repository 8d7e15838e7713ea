import { brandingOf } from "../branding/email-branding.js";
import { renderEmail } from "../mail/render-email.js";
import type { TemplateText } from "./default-templates.js";
import { sampleValuesFor } from "./sample-values.js";
import type { NotificationTemplateKey } from "./template-key.js";
import { PLACEHOLDERS_BY_KEY } from "./template-placeholders.js";
import { parseTemplate, placeholdersIn, TemplateSyntaxError } from "./template-syntax.js";

export interface FieldProblem {
  field: "subject" | "body";
  message: string;
}

const MAX_SUBJECT = 200;
const MAX_BODY = 10_000;

/** Checks a template staff want to save; returns the first problem, naming the field. */
export function validateTemplate(key: NotificationTemplateKey, input: TemplateText): FieldProblem | null {
  return checkSubject(key, input.subject) ?? checkBody(key, input);
}

function checkSubject(key: NotificationTemplateKey, subject: string): FieldProblem | null {
  const problem = (message: string): FieldProblem => ({ field: "subject", message });
  if (!subject.trim()) return problem("Subject is required.");
  if (subject.length > MAX_SUBJECT) return problem(`Subject must be at most ${MAX_SUBJECT} characters.`);
  if (/[\r\n]/.test(subject)) return problem("Subject must be a single line.");
  try {
    if (placeholdersIn(parseTemplate(subject, PLACEHOLDERS_BY_KEY[key])).has("link"))
      return problem("The link can only appear in the body, not in the subject.");
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return problem(`Subject: ${error.message}`);
    throw error;
  }
  return null;
}

function checkBody(key: NotificationTemplateKey, input: TemplateText): FieldProblem | null {
  const problem = (message: string): FieldProblem => ({ field: "body", message });
  if (!input.body.trim()) return problem("Body is required.");
  if (input.body.length > MAX_BODY) return problem(`Body must be at most ${MAX_BODY} characters.`);
  try {
    if (!placeholdersIn(parseTemplate(input.body, PLACEHOLDERS_BY_KEY[key])).has("link")) {
      return problem("Body must contain {{link}}, the button the recipient uses.");
    }
    // Rendering with sample values catches what only shows per paragraph (e.g. a tag split by a blank line).
    renderEmail(key, input, sampleValuesFor(key, "https://example.com"), brandingOf(null));
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return problem(`Body: ${error.message}`);
    throw error;
  }
  return null;
}
