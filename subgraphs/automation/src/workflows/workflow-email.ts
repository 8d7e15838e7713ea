import { randomUUID } from "node:crypto";
import { type EntityManager, KnownBusiness, KnownContact } from "@portal/kit";
import { brandingOf } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { finishEmail } from "../delivery/email-outcome.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import { brandedHtml, brandedText } from "../mail/email-layout.js";
import { escapeHtml } from "../mail/escape-html.js";
import { fromHeader } from "../mail/mail-transport.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { fieldsOf, type WorkflowTrigger } from "./triggers.js";

/** The email log's template name for a workflow's own email. */
export const WORKFLOW_EMAIL = NotificationTemplateKey.WORKFLOW_EMAIL;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}/g;

/** What a workflow's email may say, by trigger: the contact, the business, the portal link and the trigger's fields. */
export function emailPlaceholders(trigger: WorkflowTrigger): string[] {
  return [
    "contact.name",
    "contact.firstName",
    "business.name",
    "link",
    ...fieldsOf(trigger)
      .filter((f) => f.name !== "contactHasPortalAccess")
      .map((f) => `trigger.${f.name}`),
  ];
}

/** The first placeholder the trigger does not offer, or null. */
export function unknownPlaceholder(trigger: WorkflowTrigger, text: string): string | null {
  const allowed = new Set(emailPlaceholders(trigger));
  for (const match of text.matchAll(PLACEHOLDER)) if (!allowed.has(match[1] as string)) return match[1] as string;
  if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ""))) return "{{";
  return null;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? "");
}

export interface WorkflowEmailRequest {
  businessId: string;
  contactId: string;
  subject: string;
  body: string;
  triggerValues: Record<string, unknown>;
  next: string | null;
  eventId: string;
}

/**
 * Renders staff's subject and body with the trigger's values, in the business's branded frame, logs it
 * and queues it on the run's transaction. DND suppresses it (logged SUPPRESSED), as every notification.
 */
export async function sendWorkflowEmail(
  em: EntityManager,
  settings: DeliverySettings,
  request: WorkflowEmailRequest,
): Promise<{ status: "DONE" | "SKIPPED" | "FAILED"; reason: string | null }> {
  const contact = await em.findOne(KnownContact, { contactId: request.contactId });
  if (!contact) return { status: "FAILED", reason: "The contact is not known to the email service yet" };
  const branding = brandingOf(await em.findOne(KnownBusiness, { businessId: request.businessId }));
  const link = request.next ? `${branding.portalUrl.replace(/\/$/, "")}${request.next}` : branding.portalUrl;
  const values: Record<string, string> = {
    "contact.name": contact.name,
    "contact.firstName": contact.firstName || contact.name,
    "business.name": branding.name,
    link,
  };
  for (const [name, value] of Object.entries(request.triggerValues)) if (value != null) values[`trigger.${name}`] = String(value);
  const subject = fill(request.subject, values).replace(/\s+/g, " ").trim();
  const paragraphs = request.body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => fill(paragraph.trim(), values))
    .filter(Boolean);
  const html = brandedHtml(
    branding,
    subject,
    paragraphs.map((text) => ({ kind: "paragraph" as const, html: escapeHtml(text).replace(/\n/g, "<br>") })),
  );
  const log = em.create(EmailLog, {
    id: randomUUID(),
    businessId: request.businessId,
    eventId: request.eventId,
    recipient: contact.email,
    template: WORKFLOW_EMAIL,
    subject,
    status: EmailStatus.QUEUED,
  });
  if (contact.dnd) {
    finishEmail(em, log, EmailStatus.SUPPRESSED, { reason: "The contact has Do Not Disturb on" });
    return { status: "SKIPPED", reason: "The contact has Do Not Disturb on: the email was not sent" };
  }
  await enqueueEmail(em, settings, log, {
    businessId: request.businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: contact.email,
    template: WORKFLOW_EMAIL,
    subject,
    html,
    text: brandedText(branding, paragraphs),
  });
  return { status: "DONE", reason: null };
}
