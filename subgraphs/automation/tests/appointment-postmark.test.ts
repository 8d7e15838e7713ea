import "reflect-metadata";
import { appointments } from "@portal/contracts";
import { forkFor, listDeadLetters, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cancelled, confirmed, newBooking, readIcs, reminder, rescheduled } from "./appointment-helpers.js";
import { finishedEvents } from "./document-helpers.js";
import {
  createScratchDatabase,
  eventually,
  type FakePostmark,
  logEntriesFor,
  newBusiness,
  publish,
  startAutomation,
  startFakePostmark,
  type TestBusiness,
} from "./helpers.js";
import { publishBusiness } from "./invoice-helpers.js";

/** Events that cannot be handled give up quickly here (one retry, no delay). */
const QUICK_RETRY = { limit: 1, delaySeconds: 0, backoff: false };

describe("appointment emails through Postmark (real SDK, local Postmark API)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let postmark: FakePostmark;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    postmark = await startFakePostmark();
    automation = await startAutomation(
      database.url,
      { mail: { postmarkServerToken: postmark.token, postmarkApiUrl: postmark.url, fromAddress: "Client Portal <portal@example.test>" } },
      { eventRetry: QUICK_RETRY },
    );
  });
  afterAll(async () => {
    await automation?.stop();
    await postmark?.close();
    await database?.drop();
  });

  const requestsTo = (email: string) => postmark.requests.filter((request) => request.body.To === email);
  const waitForRequests = (email: string, count: number) =>
    eventually(
      async () => {
        const found = requestsTo(email);
        return found.length >= count && found;
      },
      20_000,
      `${count} Postmark request(s) to ${email}`,
    );
  const icsOf = (request: { body: Record<string, unknown> }) => {
    const [file] = request.body.Attachments as { Name: string; Content: string; ContentType: string }[];
    return { file, ics: readIcs(Buffer.from(file.Content, "base64").toString("utf8")) };
  };
  const settledLog = (business: TestBusiness, email: string) =>
    eventually(
      async () => {
        const rows = await logEntriesFor(automation, business, email);
        return rows.length > 0 && rows.every((row) => row.status !== "QUEUED") && rows;
      },
      25_000,
      `settled email to ${email}`,
    );

  it("attaches an invitation a calendar imports at the right instant, then an update and a cancellation of the same event", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    // The night Paris moves its clocks forward: 01:30 UTC is 03:30 in Paris and 20:30 the day before in New York.
    const booking = newBooking(business, { startsAt: "2027-03-28T01:30:00.000Z", endsAt: "2027-03-28T02:15:00.000Z", icsSequence: 0 });
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));

    const [client] = await waitForRequests(booking.client.email, 1);
    const [host] = await waitForRequests(booking.host.email, 1);
    expect(client!.body).toMatchObject({
      From: `"Acme Studio" <portal@example.test>`,
      Subject: "Confirmed: Initial consultation with Jordan Lee",
      Tag: "APPOINTMENT_CONFIRMED",
    });
    expect(client!.body.TextBody).toContain("When: Sunday 28 March 2027, 03:30–04:15 (Europe/Paris)");
    expect(host!.body.TextBody).toContain("When: Saturday 27 March 2027, 21:30–22:15 (America/New_York)");
    for (const request of [client!, host!]) {
      const { file, ics } = icsOf(request);
      expect(file).toMatchObject({ Name: "appointment.ics", ContentType: "text/calendar; method=REQUEST" });
      expect(ics).toMatchObject({
        method: "REQUEST",
        uid: booking.icsUid,
        sequence: 0,
        status: "CONFIRMED",
        start: "2027-03-28T01:30:00.000Z",
        end: "2027-03-28T02:15:00.000Z",
        startZone: "UTC",
        summary: "Initial consultation",
        location: "https://meet.example.test/initial-consultation",
        organizer: `mailto:${booking.host.email}`,
        attendees: [`mailto:${booking.client.email}`],
      });
    }
    expect(icsOf(client!).ics.url).toBe(booking.link);
    expect(icsOf(host!).ics.url).toBe(booking.adminLink);

    const moved = rescheduled(booking, "2027-03-29T07:00:00.000Z");
    await publish(automation, appointments.bookingRescheduled, business, moved);
    const [, movedRequest] = await waitForRequests(booking.client.email, 2);
    expect(movedRequest!.body.Subject).toBe("Rescheduled: Initial consultation with Jordan Lee");
    expect(icsOf(movedRequest!).ics).toMatchObject({
      method: "REQUEST",
      uid: booking.icsUid,
      sequence: 1,
      start: "2027-03-29T07:00:00.000Z",
      end: "2027-03-29T07:45:00.000Z",
    });

    await publish(automation, appointments.bookingCancelled, business, cancelled({ ...booking, ...moved }, { cancelledBy: "CLIENT" }));
    for (const email of [booking.client.email, booking.host.email]) {
      const requests = await waitForRequests(email, 3);
      const cancellation = requests.find((request) => request.body.Tag === "APPOINTMENT_CANCELLED")!;
      const { file, ics } = icsOf(cancellation);
      expect(file).toMatchObject({ Name: "appointment.ics", ContentType: "text/calendar; method=CANCEL" });
      expect(ics).toMatchObject({
        method: "CANCEL",
        uid: booking.icsUid,
        sequence: 2,
        status: "CANCELLED",
        start: "2027-03-29T07:00:00.000Z",
      });
      expect(ics.sequence).toBeGreaterThan(icsOf(requests.find((request) => request.body.Tag === "APPOINTMENT_RESCHEDULED")!).ics.sequence);
    }
    const reminderEvent = reminder({ ...booking, ...moved }, 60);
    await publish(automation, appointments.reminderDue, business, reminderEvent);
    const requests = await waitForRequests(booking.client.email, 4);
    expect(requests.find((request) => request.body.Tag === "APPOINTMENT_REMINDER")!.body.Attachments).toBeUndefined();
  });

  it("retries a send Postmark could not take, then sends it once", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const booking = newBooking(business);
    postmark.script(booking.client.email, [{ status: 503, ErrorCode: 0, Message: "Service unavailable" }]);
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));

    const [entry] = await settledLog(business, booking.client.email);
    expect(entry).toMatchObject({ status: "SENT", template: "APPOINTMENT_CONFIRMED", attempts: 2, reason: null });
    expect(requestsTo(booking.client.email)).toHaveLength(2);
    expect(requestsTo(booking.client.email)[1]!.body.Attachments).toHaveLength(1);
  });

  it("logs a send Postmark refuses for good as FAILED with its reason, and reports it through the booking's reference", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const booking = newBooking(business);
    postmark.script(booking.client.email, [
      { status: 422, ErrorCode: 406, Message: "You tried to send to a recipient that has been marked as inactive." },
    ]);
    await publish(automation, appointments.bookingCancelled, business, cancelled(booking));

    const [entry] = await settledLog(business, booking.client.email);
    expect(entry).toMatchObject({ status: "FAILED", template: "APPOINTMENT_CANCELLED", attempts: 1 });
    expect(entry.reason).toContain("marked as inactive");
    const finished = await eventually(
      async () => {
        const rows = await finishedEvents(automation, booking.reference);
        return rows.length >= 2 && rows;
      },
      20_000,
      "both outcomes",
    );
    expect(finished.map((row) => [row.payload.recipientEmail, row.payload.status]).sort()).toEqual(
      [
        [booking.client.email, "FAILED"],
        [booking.host.email, "SENT"],
      ].sort(),
    );
  });

  it("logs each recipient FAILED when the event can never be handled (the business never became known), naming why", async () => {
    const business = newBusiness(); // never published: the email cannot be branded
    const booking = newBooking(business);
    const event = await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));

    const entries = await eventually(
      async () => {
        const rows = await logEntriesFor(automation, business);
        return rows.length >= 2 && rows;
      },
      20_000,
      "the FAILED entries",
    );
    expect(entries.map((row) => [row.recipient, row.template, row.status]).sort()).toEqual(
      [
        [booking.client.email, "APPOINTMENT_CONFIRMED", "FAILED"],
        [booking.host.email, "APPOINTMENT_CONFIRMED", "FAILED"],
      ].sort(),
    );
    expect(entries[0].reason).toContain(`Business ${business.id} is not known here yet`);
    const letters = await listDeadLetters(forkFor(automation.orm, null), { consumer: "automation", first: 100 });
    expect(letters.edges.map((edge) => edge.node).find((letter) => letter.eventId === event.eventId)).toMatchObject({
      eventType: "appointments.booking.confirmed",
      status: "open",
    });
    expect(requestsTo(booking.client.email)).toEqual([]);
  });
});
