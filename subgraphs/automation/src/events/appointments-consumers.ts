import { appointments } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import {
  type AppointmentEmailKey,
  requestAppointmentEmails,
  undeliveredAppointmentEmails,
} from "../appointments/appointment-email.service.js";
import type { DeliverySettings } from "../delivery/enqueue-email.js";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

/**
 * Appointment emails: confirmation, reschedule and cancellation notices (client and host, with the
 * `.ics`) and reminders (client). A handler that throws (the business isn't known here yet) rolls back
 * and pg-boss retries with backoff; an event that never succeeds is logged FAILED for each recipient.
 */
export async function consumeAppointmentsEvents(deps: SubgraphDeps, settings: DeliverySettings): Promise<void> {
  const subscriptions = [
    [appointments.bookingConfirmed, NotificationTemplateKey.APPOINTMENT_CONFIRMED],
    [appointments.bookingRescheduled, NotificationTemplateKey.APPOINTMENT_RESCHEDULED],
    [appointments.bookingCancelled, NotificationTemplateKey.APPOINTMENT_CANCELLED],
    [appointments.reminderDue, NotificationTemplateKey.APPOINTMENT_REMINDER],
  ] as const;
  for (const [contract, key] of subscriptions) {
    await consume(
      deps,
      AUTOMATION_CONSUMER,
      contract,
      (event, em) => requestAppointmentEmails(em, settings, event, key as AppointmentEmailKey),
      {
        async onDeadLetter(event, letter, em) {
          if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(key)]);
          recordUndeliveredEmails(em, letter, undeliveredAppointmentEmails(key, event.payload));
        },
      },
    );
  }
}
