import {
  type Caller,
  callSubgraph,
  dataOf,
  forkFor,
  newTestTenant,
  type RunningSubgraphProcess,
  runSubgraph,
  saveStaffSnapshot,
  sql,
  staffIn,
  type TestPerson,
  type TestTenant,
  testRuntime,
} from "@portal/kit";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createAppointmentsSubgraph } from "../src/index.js";

export const databaseUrl = () => inject("databaseUrl" as never) as string;

/** The subgraph with its reminder job off (tests run it by hand with a chosen `now`). */
export function startAppointments(): Promise<RunningSubgraphProcess> {
  return runSubgraph(createAppointmentsSubgraph({ production: false, reminderIntervalMs: 0 }), testRuntime(databaseUrl()));
}

export { anonymousIn, apiKeyIn, contactIn, fileRequest, staffIn } from "@portal/kit";
export type Person = TestPerson;
export type Tenant = TestTenant;

/** A business as appointments knows it from identity's events: its portal URL, an owner and contacts. */
export const newTenant = (subgraph: RunningSubgraphProcess, contactCount = 3) =>
  newTestTenant(subgraph, { contactCount, fallbackName: "Client" });

/** Another team member of the tenant's business, known to the projection. */
export async function addStaff(subgraph: RunningSubgraphProcess, tenant: Tenant, name: string): Promise<Person> {
  const id = randomUUID();
  const email = `${name.split(" ")[0]!.toLowerCase()}-${id.slice(0, 6)}@example.test`;
  await forkFor(subgraph.orm, tenant.businessId).transactional((em) =>
    saveStaffSnapshot(em, tenant.businessId, { id, name, email, role: "STAFF", removed: false }, new Date().toISOString()),
  );
  return { id, name, email, caller: staffIn(tenant.businessId, id) };
}

export const gql = dataOf;

export const raw = (subgraph: RunningSubgraphProcess, caller: Caller, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph(subgraph.url, caller, query, variables);

export const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
export const APPOINTMENT = `id typeName startsAt endsAt status clientTimeZone cancelledBy cancelReason changeDeadline canChange
  location { kind value } host { staffId name } contact { id }`;

export const OPS = {
  createType: `mutation($input: AppointmentTypeInput!) { createAppointmentType(input: $input) { ${RESULT} ... on AppointmentTypeSuccess { appointmentType { id name durationMinutes clientBookable archived reminderMinutesBefore hosts { staffId name } } } } }`,
  updateType: `mutation($id: ID!, $input: AppointmentTypeInput!) { updateAppointmentType(id: $id, input: $input) { ${RESULT} ... on AppointmentTypeSuccess { appointmentType { id name } } } }`,
  archiveType: `mutation($id: ID!) { archiveAppointmentType(id: $id) { ${RESULT} ... on AppointmentTypeSuccess { appointmentType { id archived } } } }`,
  restoreType: `mutation($id: ID!) { restoreAppointmentType(id: $id) { ${RESULT} ... on AppointmentTypeSuccess { appointmentType { id archived } } } }`,
  weekly: `mutation($staffId: ID!, $tz: String!, $weekly: [WeeklyHoursInput!]!) { setWeeklyAvailability(staffId: $staffId, timeZone: $tz, weekly: $weekly) { ${RESULT} ... on StaffAvailabilitySuccess { availability { staffId timeZone weekly { weekday intervals { start end } } overrides { date intervals { start end } } } } } }`,
  override: `mutation($staffId: ID!, $date: String!, $intervals: [TimeIntervalInput!]!) { setDateOverride(staffId: $staffId, date: $date, intervals: $intervals) { ${RESULT} ... on StaffAvailabilitySuccess { availability { overrides { date intervals { start end } } } } } }`,
  removeOverride: `mutation($staffId: ID!, $date: String!) { removeDateOverride(staffId: $staffId, date: $date) { ${RESULT} } }`,
  slots: `query($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $host: ID) { appointmentSlots(typeId: $typeId, from: $from, to: $to, hostStaffId: $host) { startsAt endsAt hostStaffIds } }`,
  book: `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${RESULT} ... on AppointmentSuccess { appointment { ${APPOINTMENT} } } ... on TooLateToChangeError { deadline contactName contactEmail } } }`,
  reschedule: `mutation($id: ID!, $startsAt: DateTimeISO!) { rescheduleAppointment(id: $id, startsAt: $startsAt) { ${RESULT} ... on AppointmentSuccess { appointment { ${APPOINTMENT} } } ... on TooLateToChangeError { deadline contactName contactEmail } } }`,
  cancel: `mutation($id: ID!, $reason: String) { cancelAppointment(id: $id, reason: $reason) { ${RESULT} ... on AppointmentSuccess { appointment { ${APPOINTMENT} } } ... on TooLateToChangeError { deadline contactName contactEmail } } }`,
  completed: `mutation($id: ID!) { markAppointmentCompleted(id: $id) { ${RESULT} ... on AppointmentSuccess { appointment { id status } } } }`,
  noShow: `mutation($id: ID!) { markAppointmentNoShow(id: $id) { ${RESULT} ... on AppointmentSuccess { appointment { id status } } } }`,
  appointment: `query($id: ID!) { appointment(id: $id) { ${APPOINTMENT} ics } }`,
};

/** The success's payload, or a thrown error naming the failure. */
export function ok<T = any>(result: any, key: string): T {
  if (!String(result.__typename).endsWith("Success")) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result[key] as T;
}

/** Every day of the week, all day: any time can be booked (tests of bookings rather than hours). */
export const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: "00:00", end: "24:00" }] }));

export async function setHours(subgraph: RunningSubgraphProcess, tenant: Tenant, staffId: string, timeZone: string, weekly = ALL_WEEK) {
  return ok(
    (await gql(subgraph, tenant.owner.caller, OPS.weekly, { staffId, tz: timeZone, weekly })).setWeeklyAvailability,
    "availability",
  );
}

export async function createType(subgraph: RunningSubgraphProcess, tenant: Tenant, input: Record<string, unknown> = {}) {
  return ok(
    (
      await gql(subgraph, tenant.owner.caller, OPS.createType, {
        input: {
          name: "Consultation",
          durationMinutes: 60,
          location: { kind: "VIDEO", value: "https://meet.example.com/room" },
          hostStaffIds: [tenant.owner.id],
          minimumNoticeMinutes: 0,
          changeNoticeMinutes: 1440,
          ...input,
        },
      })
    ).createAppointmentType,
    "appointmentType",
  );
}

/** A whole hour at least `hoursAhead` from now (UTC), as ISO. */
export function hourAhead(hoursAhead: number): string {
  const at = new Date(Date.now() + hoursAhead * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return new Date(at.getTime() + 3_600_000).toISOString();
}

/** Outbox rows of a type for one business. */
export async function outbox(subgraph: RunningSubgraphProcess, businessId: string, type: string) {
  return sql<{ type: string; payload: any }>(
    forkFor(subgraph.orm, businessId),
    `select type, payload from appointments.outbox_event where business_id = ? and type = ? order by created_at, id`,
    [businessId, type],
  );
}
