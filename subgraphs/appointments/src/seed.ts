import { DateTime } from "luxon";

/**
 * The demo's appointments, made the way the business and its client make them: through
 * appointments' own GraphQL API, with calls signed as the owner. Two appointment types hosted by
 * the owner, the owner's weekly hours, and the client with one upcoming appointment and one past,
 * completed one.
 */

/** One way of calling appointments as one person (the platform script signs each call as the gateway would). */
export interface DemoAppointmentsCaller {
  data<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
}

export interface DemoAppointmentsInput {
  staff: DemoAppointmentsCaller;
  owner: { id: string; name: string };
  contact: { id: string; name: string };
  /** "Now" for the demo's dates (default the real time). */
  today?: Date;
  /** How long to wait for appointments to learn the owner and the contact from identity's events. */
  timeoutMs?: number;
  /** Called once before the first change, when there is something to add. */
  beforeChanges?: () => Promise<void>;
}

export const DEMO_APPOINTMENT_TYPES = ["Discovery call", "Brand strategy session"] as const;
/** The owner's hours are in this zone. */
export const DEMO_TIME_ZONE = "Europe/London";

interface Outcome {
  __typename: string;
  message?: string;
  appointmentType?: { id: string };
  appointment?: { id: string };
}

const RESULT = `__typename ... on UserError { message }`;

function expectSuccess(outcome: Outcome, what: string): Outcome {
  if (!outcome.__typename.endsWith("Success"))
    throw new Error(`Demo appointments: ${what} failed: ${outcome.message ?? outcome.__typename}`);
  return outcome;
}

/** Retries while appointments does not know the people yet (identity's events still on their way). */
async function retrying(input: DemoAppointmentsInput, what: string, attempt: () => Promise<Outcome>): Promise<Outcome> {
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  for (;;) {
    const outcome = await attempt();
    if (outcome.__typename.endsWith("Success")) return outcome;
    if (Date.now() > deadline || outcome.__typename !== "ValidationError") return expectSuccess(outcome, what);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${RESULT} ... on AppointmentSuccess { appointment { id } } } }`;

/**
 * Creates the demo types, hours and the client's appointments unless a type of the first demo name
 * exists already, so a second run adds nothing. Returns how many types were created (0 or 2).
 */
export async function seedDemoAppointments(input: DemoAppointmentsInput): Promise<number> {
  const { staff } = input;
  const listed = await staff.data<{ appointmentTypes: { edges: { node: { name: string } }[] } }>(
    `query { appointmentTypes(first: 100, includeArchived: true) { edges { node { name } } } }`,
  );
  if (listed.appointmentTypes.edges.some((edge) => edge.node.name === DEMO_APPOINTMENT_TYPES[0])) return 0;
  await input.beforeChanges?.();

  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    intervals: [
      { start: "09:00", end: "12:30" },
      { start: "13:30", end: "17:00" },
    ],
  }));
  await retrying(
    input,
    "setting the owner's hours",
    async () =>
      (
        await staff.data<{ setWeeklyAvailability: Outcome }>(
          `mutation($staffId: ID!, $tz: String!, $weekly: [WeeklyHoursInput!]!) { setWeeklyAvailability(staffId: $staffId, timeZone: $tz, weekly: $weekly) { ${RESULT} } }`,
          { staffId: input.owner.id, tz: DEMO_TIME_ZONE, weekly: weekdays },
        )
      ).setWeeklyAvailability,
  );

  const typeIds: string[] = [];
  for (const type of [
    {
      name: DEMO_APPOINTMENT_TYPES[0],
      description: "A free 30-minute video call to talk about your project and how we can help.",
      durationMinutes: 30,
      location: { kind: "VIDEO", value: "https://meet.example.com/brightside-discovery" },
      minimumNoticeMinutes: 240,
      bookingWindowDays: 30,
      changeNoticeMinutes: 1440,
      clientBookable: true,
    },
    {
      name: DEMO_APPOINTMENT_TYPES[1],
      description: "A working session at the studio: positioning, audience and the look of your brand.",
      durationMinutes: 60,
      location: { kind: "ADDRESS", value: "Brightside Studio, 12 Harbour Street, Bristol" },
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 1440,
      bookingWindowDays: 60,
      changeNoticeMinutes: 2880,
      clientBookable: true,
    },
  ]) {
    const created = await staff.data<{ createAppointmentType: Outcome }>(
      `mutation($input: AppointmentTypeInput!) { createAppointmentType(input: $input) { ${RESULT} ... on AppointmentTypeSuccess { appointmentType { id } } } }`,
      { input: { ...type, hostStaffIds: [input.owner.id], reminderMinutesBefore: [1440, 60] } },
    );
    typeIds.push(expectSuccess(created.createAppointmentType, `creating "${type.name}"`).appointmentType!.id);
  }

  const now = DateTime.fromJSDate(input.today ?? new Date(), { zone: DEMO_TIME_ZONE });
  // Upcoming: the first free strategy session from three days on.
  const from = now.plus({ days: 3 }).startOf("day");
  const slots = await staff.data<{ appointmentSlots: { startsAt: string }[] | null }>(
    `query($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { appointmentSlots(typeId: $typeId, from: $from, to: $to) { startsAt } }`,
    { typeId: typeIds[1], from: from.toUTC().toISO(), to: from.plus({ days: 14 }).toUTC().toISO() },
  );
  const upcoming = slots.appointmentSlots?.find((slot) => DateTime.fromISO(slot.startsAt, { zone: DEMO_TIME_ZONE }).hour >= 10);
  if (!upcoming) throw new Error("Demo appointments: no free time for the upcoming appointment");
  await retrying(
    input,
    "booking the upcoming appointment",
    async () =>
      (
        await staff.data<{ bookAppointment: Outcome }>(BOOK, {
          input: { typeId: typeIds[1], startsAt: upcoming.startsAt, contactId: input.contact.id, inviteToPortal: false },
        })
      ).bookAppointment,
  );

  // Past: a discovery call at 10:00 on the last weekday at least a week ago, completed.
  let past = now.minus({ days: 7 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  while (past.weekday > 5) past = past.minus({ days: 1 });
  const booked = await retrying(
    input,
    "booking the past appointment",
    async () =>
      (
        await staff.data<{ bookAppointment: Outcome }>(BOOK, {
          input: { typeId: typeIds[0], startsAt: past.toUTC().toISO(), contactId: input.contact.id, inviteToPortal: false },
        })
      ).bookAppointment,
  );
  expectSuccess(
    (
      await staff.data<{ markAppointmentCompleted: Outcome }>(`mutation($id: ID!) { markAppointmentCompleted(id: $id) { ${RESULT} } }`, {
        id: booked.appointment!.id,
      })
    ).markAppointmentCompleted,
    "completing the past appointment",
  );
  return typeIds.length;
}
