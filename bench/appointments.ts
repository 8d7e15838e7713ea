import { randomBytes } from "node:crypto";
import { computeFreeSlots, createAppointmentsSubgraph, loadSchedules } from "@portal/appointments";
import { createIdentitySubgraph } from "@portal/identity";
import { type Actor, forkFor, runSubgraph, sql } from "@portal/kit";
import { SESSION_COOKIE } from "../gateway/src/cookies.js";
import { SignedSubgraph } from "../scripts/signed-subgraph.js";
import { benchDatabase } from "./support/bench-database.js";
import { type InProcessGateway, postLoad, startInProcessGateway } from "./support/in-process-gateway.js";
import { seedDashboardParties } from "./support/dashboard-content.js";

/**
 * Free slots, measured in one run: a 30-minute type hosted by three team members (weekdays 9–17 in
 * Europe/London) with 200 of their slots already booked over the coming month.
 * - the time to compute a month of the type's free slots, in this process, from the three hosts'
 *   schedules as the subgraph loads them (hours, overrides, busy time: three statements), and
 *   the computation alone;
 * - req/s of the portal's slot query for that month through the gateway, as the signed-in client.
 * identity, appointments and the gateway run in this process (production mode); autocannon drives
 * the load from a worker thread.
 */
const CONNECTIONS = 10;
const DURATION_SECONDS = 8;
const COMPUTE_RUNS = 50;
const BOOKINGS = 200;
const HOST = "brightside.localhost";
export const APPOINTMENTS_TARGETS = { computeMs: 20, requestsPerSecond: 150, p99Ms: 150 };

const SLOTS_QUERY = `query AppointmentSlots($typeId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  appointmentSlots(typeId: $typeId, from: $from, to: $to) { startsAt endsAt } }`;

export interface AppointmentsBenchResult {
  /** Free slots in the month after the 200 bookings. */
  slots: number;
  /** Median milliseconds to load the three schedules and compute the month's slots. */
  loadAndComputeMs: number;
  /** Median milliseconds of the computation alone. */
  computeMs: number;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

interface Outcome {
  __typename: string;
  message?: string;
  appointmentType?: { id: string };
}

export async function appointmentsBench(): Promise<AppointmentsBenchResult> {
  const database = await benchDatabase();
  const secret = randomBytes(32).toString("hex");
  const runtime = { databaseUrl: database.url, gatewaySecret: secret, port: 0, production: true };
  const identityDefinition = createIdentitySubgraph({
    portalSecret: secret,
    operatorEmails: [],
    signInLimits: { perEmail: 5, perIp: 30, windowSeconds: 900 },
    sessionTtlDays: 30,
    production: true,
  });
  const appointmentsDefinition = createAppointmentsSubgraph({ production: true, reminderIntervalMs: 0 });
  // Appointments first: it learns the business, its team and the client from identity's events.
  const appointments = await runSubgraph(appointmentsDefinition, runtime);
  const identity = await runSubgraph(identityDefinition, runtime);
  let gateway: InProcessGateway | undefined;
  try {
    const parties = await seedDashboardParties(database.url, secret);
    const businessId = parties.business.id;
    const ownerActor: Actor = { kind: "staff", id: parties.owner.id, role: "owner" };
    const identityOwner = new SignedSubgraph(identity.url, secret, businessId, ownerActor, "bench");
    const owner = new SignedSubgraph(appointments.url, secret, businessId, ownerActor, "bench");
    for (const [name, email] of [
      ["Hana Host", "hana@brightside.test"],
      ["Kai Host", "kai@brightside.test"],
    ]) {
      await identityOwner.data(`mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { __typename } }`, {
        input: { name, email, role: "STAFF" },
      });
    }
    const em = forkFor(appointments.orm, businessId);
    const hosts = await until(
      async () =>
        (
          await sql<{ staff_id: string }>(
            em,
            `select staff_id from appointments.known_staff where business_id = ? and not removed order by staff_id`,
            [businessId],
          )
        ).map((row) => row.staff_id),
      (ids) => ids.length >= 3,
      "appointments to learn three team members",
    );
    const hostIds = hosts.slice(0, 3);
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start: "09:00", end: "17:00" }] }));
    for (const staffId of hostIds)
      await owner.data(
        `mutation($s: ID!, $w: [WeeklyHoursInput!]!) { setWeeklyAvailability(staffId: $s, timeZone: "Europe/London", weekly: $w) { __typename } }`,
        { s: staffId, w: weekly },
      );
    const created = await owner.data<{ createAppointmentType: Outcome }>(
      `mutation($input: AppointmentTypeInput!) { createAppointmentType(input: $input) {
        __typename ... on UserError { message } ... on AppointmentTypeSuccess { appointmentType { id } } } }`,
      {
        input: {
          name: "Consultation",
          durationMinutes: 30,
          location: { kind: "VIDEO", value: "https://meet.example.test/brightside" },
          hostStaffIds: hostIds,
          minimumNoticeMinutes: 0,
          bookingWindowDays: 60,
          reminderMinutesBefore: [],
        },
      },
    );
    const typeId = created.createAppointmentType.appointmentType?.id;
    if (!typeId) throw new Error(`the appointment type was refused: ${created.createAppointmentType.message}`);

    const from = new Date(Date.now() + 86_400_000);
    from.setUTCHours(0, 0, 0, 0);
    const to = new Date(from.getTime() + 30 * 86_400_000);
    await bookSpread(owner, typeId, parties.client.id, from, to);

    const rules = { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, bookingWindowDays: 60 };
    const loadAndCompute: number[] = [];
    const computeOnly: number[] = [];
    let slots = 0;
    for (let run = 0; run < COMPUTE_RUNS; run++) {
      const started = performance.now();
      const schedules = await loadSchedules(forkFor(appointments.orm, businessId), businessId, hostIds, from, to);
      const loaded = performance.now();
      slots = computeFreeSlots({ rules, hosts: schedules, from, to, now: new Date(), clientRules: true }).length;
      const done = performance.now();
      loadAndCompute.push(done - started);
      computeOnly.push(done - loaded);
    }

    gateway = await startInProcessGateway(
      [
        { name: "identity", running: identity, definition: identityDefinition },
        { name: "appointments", running: appointments, definition: appointmentsDefinition },
      ],
      { secret, databaseUrl: database.url, identityUrl: identity.url },
    );
    const headers = { "content-type": "application/json", host: HOST, cookie: `${SESSION_COOKIE}=${parties.sessionToken}` };
    const body = JSON.stringify({
      query: SLOTS_QUERY,
      variables: { typeId, from: from.toISOString(), to: to.toISOString() },
      operationName: "AppointmentSlots",
    });
    const check = await (await fetch(gateway.url, { method: "POST", headers, body })).json();
    const answered = check.data?.appointmentSlots?.length;
    if (answered !== slots) throw new Error(`the slot query through the gateway answered ${JSON.stringify(check).slice(0, 300)}`);
    const load = await postLoad(gateway.url, { headers, body }, CONNECTIONS, DURATION_SECONDS);
    return {
      slots,
      loadAndComputeMs: median(loadAndCompute),
      computeMs: median(computeOnly),
      ...load,
    };
  } finally {
    await gateway?.stop();
    await identity.stop();
    await appointments.stop();
    await database.stop();
  }
}

export function printAppointmentsBench(result: AppointmentsBenchResult): void {
  const computed = result.loadAndComputeMs <= APPOINTMENTS_TARGETS.computeMs;
  console.log(
    `A month of free slots, 3 hosts, ${BOOKINGS} bookings (${result.slots} slots): ${result.loadAndComputeMs.toFixed(2)} ms to load the schedules and compute, ${result.computeMs.toFixed(2)} ms computing (median of ${COMPUTE_RUNS}; target ≤ ${APPOINTMENTS_TARGETS.computeMs} ms: ${computed ? "met" : "not met"})`,
  );
  const fast =
    result.requestsPerSecond >= APPOINTMENTS_TARGETS.requestsPerSecond && result.p99 <= APPOINTMENTS_TARGETS.p99Ms && result.errors === 0;
  console.log(
    `The month's slots through the gateway as the client (${CONNECTIONS} connections, ${DURATION_SECONDS} s): ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(2)} ms, errors ${result.errors} (target ≥ ${APPOINTMENTS_TARGETS.requestsPerSecond} req/s, p99 ≤ ${APPOINTMENTS_TARGETS.p99Ms} ms, no errors: ${fast ? "met" : "not met"})`,
  );
}

/** Books BOOKINGS of the month's free slots for the client, spread evenly over it, as the owner. */
async function bookSpread(owner: SignedSubgraph, typeId: string, contactId: string, from: Date, to: Date): Promise<void> {
  const free = await owner.data<{ appointmentSlots: { startsAt: string }[] | null }>(
    `query($t: ID!, $f: DateTimeISO!, $u: DateTimeISO!) { appointmentSlots(typeId: $t, from: $f, to: $u) { startsAt } }`,
    { t: typeId, f: from.toISOString(), u: to.toISOString() },
  );
  const starts = free.appointmentSlots ?? [];
  if (starts.length < BOOKINGS) throw new Error(`only ${starts.length} free slots to book`);
  const step = starts.length / BOOKINGS;
  let booked = 0;
  for (let i = 0; i < BOOKINGS; i++) {
    const startsAt = starts[Math.floor(i * step)]!.startsAt;
    // The client may still be on its way from identity: a refused booking is tried again.
    const outcome = await until(
      () =>
        owner.data<{ bookAppointment: Outcome }>(
          `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename ... on UserError { message } } }`,
          { input: { typeId, startsAt, contactId, inviteToPortal: false } },
        ),
      (answer) => answer.bookAppointment.__typename === "AppointmentSuccess",
      `booking ${startsAt}`,
    );
    if (outcome.bookAppointment.__typename === "AppointmentSuccess") booked++;
  }
  if (booked !== BOOKINGS) throw new Error(`booked ${booked} of ${BOOKINGS}`);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
