import type { EntityManager } from "@portal/kit";
import { currentBranding } from "../branding/email-branding.js";
import { renderEmail, type RenderedEmail } from "../mail/render-email.js";
import { DEFAULT_TEMPLATES, type TemplateText } from "./default-templates.js";
import { NotificationTemplate } from "./notification-template.entity.js";
import { TEMPLATE_KEYS, type NotificationTemplateKey } from "./template-key.js";
import { SAMPLE_CONTACT, sampleValuesFor } from "./sample-values.js";
import { PLACEHOLDERS_BY_KEY } from "./template-placeholders.js";
import { validateTemplate, type FieldProblem } from "./template-validation.js";

/** A template as staff see it: their own wording, or the default. */
export interface TemplateView extends TemplateText {
  key: NotificationTemplateKey;
  placeholders: string[];
  isCustom: boolean;
  updatedAt: Date | null;
}

export interface TemplateInput extends TemplateText {
  key: NotificationTemplateKey;
}

export type TemplateResult = { ok: true; template: TemplateView } | { ok: false; problem: FieldProblem };
export type PreviewResult = { ok: true; preview: RenderedEmail } | { ok: false; problem: FieldProblem };

export { SAMPLE_CONTACT };

function view(key: NotificationTemplateKey, custom: NotificationTemplate | null): TemplateView {
  const text = custom ?? DEFAULT_TEMPLATES[key];
  return {
    key,
    subject: text.subject,
    body: text.body,
    placeholders: PLACEHOLDERS_BY_KEY[key].map((name) => `{{${name}}}`),
    isCustom: !!custom,
    updatedAt: custom?.updatedAt ?? null,
  };
}

/** `em` is scoped to the business; the explicit businessId makes the intent visible in each query. */
export async function listTemplates(em: EntityManager, businessId: string): Promise<TemplateView[]> {
  const custom = await em.find(NotificationTemplate, { businessId });
  return TEMPLATE_KEYS.map((key) => view(key, custom.find((t) => t.key === key) ?? null));
}

export async function getTemplate(em: EntityManager, businessId: string, key: NotificationTemplateKey): Promise<TemplateView> {
  return view(key, await em.findOne(NotificationTemplate, { businessId, key }));
}

/** The wording an email is rendered from. */
export async function templateTextFor(em: EntityManager, businessId: string | null, key: NotificationTemplateKey): Promise<TemplateText> {
  if (!businessId) return DEFAULT_TEMPLATES[key];
  return (await em.findOne(NotificationTemplate, { businessId, key })) ?? DEFAULT_TEMPLATES[key];
}

/**
 * The wording an email is sent in. Saved templates were valid when saved; should one stop parsing
 * (e.g. a placeholder retired), the person still gets their email, in the default wording, rather
 * than the event failing forever.
 */
export async function usableTemplateFor(em: EntityManager, businessId: string | null, key: NotificationTemplateKey): Promise<TemplateText> {
  const template = await templateTextFor(em, businessId, key);
  return validateTemplate(key, template) ? DEFAULT_TEMPLATES[key] : template;
}

export async function updateTemplate(em: EntityManager, businessId: string, input: TemplateInput): Promise<TemplateResult> {
  const text = { subject: input.subject.trim(), body: input.body.trim() };
  const problem = validateTemplate(input.key, text);
  if (problem) return { ok: false, problem };
  const existing = await em.findOne(NotificationTemplate, { businessId, key: input.key });
  const template = existing ?? em.create(NotificationTemplate, { businessId, key: input.key, ...text });
  Object.assign(template, text, { updatedAt: new Date() });
  await em.persistAndFlush(template);
  return { ok: true, template: view(input.key, template) };
}

export async function resetTemplate(em: EntityManager, businessId: string, key: NotificationTemplateKey): Promise<TemplateView> {
  await em.nativeDelete(NotificationTemplate, { businessId, key });
  return view(key, null);
}

/** Renders unsaved wording with a sample contact and the business's branding. */
export async function previewTemplate(em: EntityManager, businessId: string, input: TemplateInput): Promise<PreviewResult> {
  const text = { subject: input.subject.trim(), body: input.body.trim() };
  const problem = validateTemplate(input.key, text);
  if (problem) return { ok: false, problem };
  const branding = await currentBranding(em, businessId);
  const link = `${branding.portalUrl.replace(/\/$/, "")}/sign-in/preview`;
  return { ok: true, preview: renderEmail(input.key, text, sampleValuesFor(input.key, link), branding) };
}
