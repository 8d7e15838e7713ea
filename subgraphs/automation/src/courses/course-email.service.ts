import { randomUUID } from "node:crypto";
import type { courses, PayloadOf } from "@portal/contracts";
import { type DomainEvent, type EntityManager, KnownBusiness } from "@portal/kit";
import { brandingOf } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { finishEmail } from "../delivery/email-outcome.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import { NotYetKnownError } from "../invoices/invoice-email.service.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";

type AccessGranted = PayloadOf<typeof courses.accessGranted>;
type LessonUnlocked = PayloadOf<typeof courses.lessonUnlocked>;

/**
 * `courses.access.granted` → COURSE_ACCESS_GRANTED (button into the course player) and
 * `courses.lesson.unlocked` → NEW_LESSON_AVAILABLE (button to the lesson), to the student. DND is
 * applied here as for every notification (logged SUPPRESSED). The business's branding must have
 * arrived, else the event is retried. Courses publishes each lesson's event once per student.
 */
export async function requestCourseEmail(
  em: EntityManager,
  settings: DeliverySettings,
  event: DomainEvent<AccessGranted | LessonUnlocked>,
  key: NotificationTemplateKey.COURSE_ACCESS_GRANTED | NotificationTemplateKey.NEW_LESSON_AVAILABLE,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const business = await em.findOne(KnownBusiness, { businessId });
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);
  const branding = brandingOf(business);
  const payload = event.payload;
  const template = await usableTemplateFor(em, businessId, key);
  const { name, firstName } = payload.recipient;
  const rendered = renderEmail(
    key,
    template,
    {
      contact: { name, firstName: firstName || name },
      link: payload.link,
      course: { title: payload.courseTitle },
      lesson: { title: "lessonTitle" in payload ? payload.lessonTitle : "" },
    },
    branding,
  );
  const log = em.create(EmailLog, {
    id: randomUUID(),
    businessId,
    eventId: event.eventId,
    reference: payload.reference,
    recipient: payload.recipient.email,
    template: key,
    subject: rendered.subject,
    status: EmailStatus.QUEUED,
  });
  if (payload.recipient.dnd) {
    finishEmail(em, log, EmailStatus.SUPPRESSED, { reason: "The contact has Do Not Disturb on" });
    return;
  }
  await enqueueEmail(em, settings, log, {
    businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: payload.recipient.email,
    template: key,
    ...rendered,
  });
}
