import { randomUUID } from "node:crypto";
import type { appointments, PayloadOf, Recipient } from "@portal/contracts";
import { type DomainEvent, type EntityManager, KnownBusiness } from "@portal/kit";
import { brandingOf, type EmailBranding } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { finishEmail } from "../delivery/email-outcome.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import type { UndeliveredEmail } from "../delivery/undelivered-email.js";
import { NotYetKnownError } from "../invoices/invoice-email.service.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail, type TemplateValues } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import { formatInstant, formatLocation, formatSpan, formatStartsIn } from "./appointment-format.js";
import { bookingIcs, type IcsMethod, icsAttachment } from "./appointment-ics.js";

type BookingConfirmed = PayloadOf<typeof appointments.bookingConfirmed>;
type BookingRescheduled = PayloadOf<typeof appointments.bookingRescheduled>;
type BookingCancelled = PayloadOf<typeof appointments.bookingCancelled>;
type ReminderDue = PayloadOf<typeof appointments.reminderDue>;
export type AppointmentPayload = BookingConfirmed | BookingRescheduled | BookingCancelled | ReminderDue;

export type AppointmentEmailKey =
  | NotificationTemplateKey.APPOINTMENT_CONFIRMED
  | NotificationTemplateKey.APPOINTMENT_RESCHEDULED
  | NotificationTemplateKey.APPOINTMENT_CANCELLED
  | NotificationTemplateKey.APPOINTMENT_REMINDER;

/** Which calendar file each email carries: an invitation, an update (same UID, higher sequence), a cancellation, or none. */
const ICS_METHOD: Record<AppointmentEmailKey, IcsMethod | null> = {
  [NotificationTemplateKey.APPOINTMENT_CONFIRMED]: "REQUEST",
  [NotificationTemplateKey.APPOINTMENT_RESCHEDULED]: "REQUEST",
  [NotificationTemplateKey.APPOINTMENT_CANCELLED]: "CANCEL",
  [NotificationTemplateKey.APPOINTMENT_REMINDER]: null,
};

/** One person an appointment email goes to, with the zone they read times in and their page for the booking. */
interface AppointmentRecipient {
  role: "client" | "host";
  recipient: Recipient;
  zone: string;
  link: string;
  /** The other person of the appointment, by name. */
  with: string;
}

/**
 * Who hears of the booking: the client, and, except for reminders, the host (a staff member, button to
 * the admin console's agenda). One email per address: a host who booked themselves gets the client's.
 */
export function appointmentRecipients(key: AppointmentEmailKey, booking: AppointmentPayload): AppointmentRecipient[] {
  const client: AppointmentRecipient = {
    role: "client",
    recipient: booking.client,
    zone: booking.clientTimeZone,
    link: booking.link,
    with: booking.host.name,
  };
  if (key === NotificationTemplateKey.APPOINTMENT_REMINDER) return [client];
  const sameAddress = booking.host.email.trim().toLowerCase() === booking.client.email.trim().toLowerCase();
  if (sameAddress) return [client];
  return [
    client,
    { role: "host", recipient: booking.host, zone: booking.hostTimeZone, link: booking.adminLink, with: booking.client.name },
  ];
}

/** What a dead letter of this event logs as never sent: one entry per recipient. */
export function undeliveredAppointmentEmails(key: AppointmentEmailKey, booking: AppointmentPayload): UndeliveredEmail[] {
  return appointmentRecipients(key, booking).map((to) => ({
    recipient: to.recipient.email,
    template: key,
    subject: booking.appointmentTypeName,
    reference: booking.reference,
  }));
}

/**
 * `appointments.booking.confirmed` → APPOINTMENT_CONFIRMED, `.rescheduled` → APPOINTMENT_RESCHEDULED and
 * `.cancelled` → APPOINTMENT_CANCELLED to the client and the host, each with the booking's `.ics`
 * (REQUEST, REQUEST with the higher sequence, CANCEL); `appointments.reminder.due` → APPOINTMENT_REMINDER
 * to the client. Times are written in each recipient's zone, with the zone named. A DND client's email
 * is logged SUPPRESSED; each row keeps the event's `reference`. The business's branding must have
 * arrived, else the event is retried. Kit's `consume` handles each event id once.
 */
export async function requestAppointmentEmails(
  em: EntityManager,
  settings: DeliverySettings,
  event: DomainEvent<AppointmentPayload>,
  key: AppointmentEmailKey,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const business = await em.findOne(KnownBusiness, { businessId });
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);
  const branding = brandingOf(business);
  const booking = event.payload;
  const template = await usableTemplateFor(em, businessId, key);
  const method = ICS_METHOD[key];

  for (const to of appointmentRecipients(key, booking)) {
    const { name, firstName } = to.recipient;
    const rendered = renderEmail(
      key,
      template,
      {
        contact: { name, firstName: firstName || name },
        link: to.link,
        appointment: appointmentValues(booking, to, branding),
        client: { name: booking.client.name },
        host: { name: booking.host.name },
      },
      branding,
    );
    const log = em.create(EmailLog, {
      id: randomUUID(),
      businessId,
      eventId: event.eventId,
      reference: booking.reference,
      recipient: to.recipient.email,
      template: key,
      subject: rendered.subject,
      status: EmailStatus.QUEUED,
    });
    if (to.recipient.dnd) {
      finishEmail(em, log, EmailStatus.SUPPRESSED, { reason: "The contact has Do Not Disturb on" });
      continue;
    }
    const description = [`${booking.appointmentTypeName} with ${to.with}`, formatLocation(booking.location), to.link].join("\n");
    await enqueueEmail(em, settings, log, {
      businessId,
      from: fromHeader(branding.name, settings.fromAddress),
      to: to.recipient.email,
      template: key,
      ...rendered,
      ...(method ? { attachments: [icsAttachment(bookingIcs(booking, method, { url: to.link, description }), method)] } : {}),
    });
  }
}

/** The appointment's placeholders for one recipient: their zone, the other person, who made the change. */
function appointmentValues(booking: AppointmentPayload, to: AppointmentRecipient, branding: EmailBranding): TemplateValues["appointment"] {
  const values: NonNullable<TemplateValues["appointment"]> = {
    type: booking.appointmentTypeName,
    with: to.with,
    when: formatSpan(booking.startsAt, booking.endsAt, to.zone),
    location: formatLocation(booking.location),
  };
  if ("previousStartsAt" in booking) values.previousWhen = formatInstant(booking.previousStartsAt, to.zone);
  const actor = "rescheduledBy" in booking ? booking.rescheduledBy : "cancelledBy" in booking ? booking.cancelledBy : null;
  if (actor) values.changedBy = changedBy(actor, to, booking, branding);
  if ("reason" in booking) values.cancelReason = booking.reason.trim();
  if ("minutesBefore" in booking) values.startsIn = formatStartsIn(booking.minutesBefore);
  return values;
}

/** "you" to the client who made the change, their name to the host; a change by staff reads as the business's. */
function changedBy(actor: "CLIENT" | "STAFF", to: AppointmentRecipient, booking: AppointmentPayload, branding: EmailBranding): string {
  if (actor === "CLIENT") return to.role === "client" ? "you" : booking.client.name;
  return branding.name;
}
