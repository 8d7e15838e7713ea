import { OutboxEvent, ProcessedEvent, type SubgraphDefinition, type SubgraphDeps, withIdentityProjection } from "@portal/kit";
import { DateOverrideRow, StaffAvailabilityRow } from "./availability/availability.entity.js";
import { BookingRow, CalendarFeedRow } from "./bookings/booking.entity.js";
import { calendarFeedHandler } from "./calendar/calendar-feed.js";
import { Migration20261206120000Appointments } from "./migrations/Migration20261206120000Appointments.js";
import type { AppointmentsOptions } from "./options.js";
import { startReminderJob } from "./reminders/reminders.js";
import { buildAppointmentsSchema } from "./schema.js";
import { AppointmentTypeRow } from "./types/appointment-type.entity.js";

export { readAppointmentsConfig } from "./config.js";
export { AppointmentsConfigError, type AppointmentsOptions } from "./options.js";
export { computeFreeSlots, type FreeSlot, type HostSchedule, type SlotQuery, type SlotRules } from "./availability/slots.js";
export { loadSchedules } from "./availability/availability.service.js";
export { runDueReminders } from "./reminders/reminders.js";
export { feedToken } from "./calendar/calendar-feed.js";
export {
  DEMO_APPOINTMENT_TYPES,
  DEMO_TIME_ZONE,
  type DemoAppointmentsCaller,
  type DemoAppointmentsInput,
  seedDemoAppointments,
} from "./seed.js";

/** Appointments: types, staff availability, free slots, bookings, reminders and calendar feeds. */
export function createAppointmentsSubgraph(options: AppointmentsOptions): SubgraphDefinition {
  // Names, emails, DND and the business's portal address: appointments' copy of identity's data.
  return withIdentityProjection({
    name: "appointments",
    schema: "appointments",
    entities: [AppointmentTypeRow, StaffAvailabilityRow, DateOverrideRow, BookingRow, CalendarFeedRow, OutboxEvent, ProcessedEvent],
    migrations: [{ name: "Migration20261206120000Appointments", class: Migration20261206120000Appointments }],
    buildSchema: (deps) => buildAppointmentsSchema(deps),
    // The calendar feed at `/files/appointments/calendar/<feedId>/<token>.ics` on the gateway (no sign-in).
    files: (deps) => ({ calendar: calendarFeedHandler(deps.runtime.gatewaySecret) }),
    async startWorkers(deps: SubgraphDeps) {
      if (options.reminderIntervalMs !== 0) startReminderJob(deps, options.reminderIntervalMs);
    },
  });
}
