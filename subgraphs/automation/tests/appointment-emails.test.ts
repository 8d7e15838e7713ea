import "reflect-metadata";
import { appointments } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cancelled, confirmed, newBooking, reminder, rescheduled } from "./appointment-helpers.js";
import {
  createScratchDatabase,
  eventually,
  gql,
  logEntriesFor,
  newBusiness,
  newRecipient,
  publish,
  staffOf,
  startAutomation,
  type TestBusiness,
} from "./helpers.js";
import { publishBusiness } from "./invoice-helpers.js";

const MAILBOX = `query Mailbox($to: String) {
  devMailbox(first: 50, to: $to) { edges { node { to subject text html attachments { name contentType size } } } }
}`;

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { name: string; contentType: string; size: number }[];
}

describe("appointment emails (dev mailbox)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
  });
  afterAll(async () => {
    await automation?.stop();
    await database?.drop();
  });

  const mailTo = async (business: TestBusiness, to: string): Promise<Mail[]> => {
    const response = await gql(automation, staffOf(business), MAILBOX, { to });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.devMailbox.edges.map((edge: { node: Mail }) => edge.node);
  };
  const waitForMail = (business: TestBusiness, to: string, count: number) =>
    eventually(
      async () => {
        const mails = await mailTo(business, to);
        return mails.length >= count && mails;
      },
      20_000,
      `${count} email(s) to ${to}`,
    );
  const settledLog = (business: TestBusiness, to: string, count: number) =>
    eventually(
      async () => {
        const rows = await logEntriesFor(automation, business, to);
        return rows.length >= count && rows.every((row) => row.status !== "QUEUED") && rows;
      },
      20_000,
      `${count} settled log entries for ${to}`,
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  it("confirms a booking to the client and the host, each with the time in their own zone, their own link and the .ics invitation", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const booking = newBooking(business);
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));

    const [client] = await waitForMail(business, booking.client.email, 1);
    const [host] = await waitForMail(business, booking.host.email, 1);
    expect(client!.subject).toBe("Confirmed: Initial consultation with Jordan Lee");
    expect(client!.text).toContain("Hi Ada,");
    expect(client!.text).toContain("When: Tuesday 8 December 2026, 14:00–14:30 (Europe/Paris)");
    expect(client!.text).toContain("Where: Video call: https://meet.example.test/initial-consultation");
    expect(client!.html).toContain('href="https://meet.example.test/initial-consultation"');
    expect(client!.html).toContain(`href="${booking.link}"`);
    expect(client!.html).toContain("View appointment");
    expect(client!.text).not.toContain(booking.adminLink);

    expect(host!.subject).toBe("Confirmed: Initial consultation with Ada Lovelace");
    expect(host!.text).toContain("Hi Jordan,");
    expect(host!.text).toContain("When: Tuesday 8 December 2026, 08:00–08:30 (America/New_York)");
    expect(host!.html).toContain(`href="${booking.adminLink.replace(/&/g, "&amp;")}"`);
    expect(host!.text).not.toContain(booking.link);

    for (const mail of [client!, host!]) {
      expect(mail.attachments).toEqual([
        { name: "appointment.ics", contentType: "text/calendar; method=REQUEST", size: expect.any(Number) },
      ]);
      expect(mail.attachments[0]!.size).toBeGreaterThan(200);
    }
    // A message reaches the mailbox just before its log entry is marked sent.
    await expect
      .poll(async () => (await logEntriesFor(automation, business)).map((row) => [row.recipient, row.template, row.status]).sort(), {
        timeout: 10_000,
      })
      .toEqual(
        [
          [booking.client.email, "APPOINTMENT_CONFIRMED", "SENT"],
          [booking.host.email, "APPOINTMENT_CONFIRMED", "SENT"],
        ].sort(),
      );
  });

  it("tells both of a reschedule and a cancellation, saying who made the change, with the old and new times in each zone", async () => {
    const business = newBusiness({ displayName: "Northwind Therapy" });
    await publishBusiness(automation, business);
    const booking = newBooking(business, { icsSequence: 0 });
    const moved = rescheduled(booking, "2026-12-10T16:00:00.000Z", { rescheduledBy: "CLIENT" });
    await publish(automation, appointments.bookingRescheduled, business, moved);
    await publish(
      automation,
      appointments.bookingCancelled,
      business,
      cancelled({ ...booking, ...moved }, { cancelledBy: "STAFF", reason: "Jordan is unwell; please book another day." }),
    );

    const clientMails = await waitForMail(business, booking.client.email, 2);
    const hostMails = await waitForMail(business, booking.host.email, 2);
    const find = (mails: Mail[], prefix: string) => mails.find((mail) => mail.subject.startsWith(prefix))!;

    const clientMoved = find(clientMails, "Rescheduled:");
    expect(clientMoved.subject).toBe("Rescheduled: Initial consultation with Jordan Lee");
    expect(clientMoved.text).toContain("was moved to a new time by you.");
    expect(clientMoved.text).toContain("New time: Thursday 10 December 2026, 17:00–17:30 (Europe/Paris)");
    expect(clientMoved.text).toContain("Was: Tuesday 8 December 2026, 14:00 (Europe/Paris)");
    expect(clientMoved.attachments).toMatchObject([{ name: "appointment.ics", contentType: "text/calendar; method=REQUEST" }]);
    const hostMoved = find(hostMails, "Rescheduled:");
    expect(hostMoved.text).toContain("was moved to a new time by Ada Lovelace.");
    expect(hostMoved.text).toContain("New time: Thursday 10 December 2026, 11:00–11:30 (America/New_York)");
    expect(hostMoved.text).toContain("Was: Tuesday 8 December 2026, 08:00 (America/New_York)");

    const clientCancelled = find(clientMails, "Cancelled:");
    expect(clientCancelled.subject).toBe("Cancelled: Initial consultation with Jordan Lee");
    expect(clientCancelled.text).toContain("was cancelled by Northwind Therapy.");
    expect(clientCancelled.text).toContain("It was: Thursday 10 December 2026, 17:00–17:30 (Europe/Paris)");
    expect(clientCancelled.text).toContain("Jordan is unwell; please book another day.");
    expect(clientCancelled.attachments).toMatchObject([{ name: "appointment.ics", contentType: "text/calendar; method=CANCEL" }]);
    const hostCancelled = find(hostMails, "Cancelled:");
    expect(hostCancelled.subject).toBe("Cancelled: Initial consultation with Ada Lovelace");
    expect(hostCancelled.text).toContain("It was: Thursday 10 December 2026, 11:00–11:30 (America/New_York)");
    expect(hostCancelled.attachments).toMatchObject([{ contentType: "text/calendar; method=CANCEL" }]);
  });

  it("reminds the client only, in their zone, without an attachment", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const booking = newBooking(business, { clientTimeZone: "Asia/Tokyo" });
    await publish(automation, appointments.reminderDue, business, reminder(booking, 1440));
    await publish(automation, appointments.reminderDue, business, reminder(booking, 60));

    const mails = await waitForMail(business, booking.client.email, 2);
    const subjects = mails.map((mail) => mail.subject).sort();
    expect(subjects).toEqual([
      "Reminder: Initial consultation with Jordan Lee in 1 hour",
      "Reminder: Initial consultation with Jordan Lee in 24 hours",
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain("When: Tuesday 8 December 2026, 22:00–22:30 (Asia/Tokyo)");
      expect(mail.html).toContain(`href="${booking.link}"`);
      expect(mail.attachments).toEqual([]);
    }
    await settle();
    expect(await mailTo(business, booking.host.email)).toEqual([]);
  });

  it("sends nothing to a client with Do Not Disturb on (logged SUPPRESSED), while the host still hears", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const booking = newBooking(business, { client: newRecipient({ dnd: true }) });
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking, { bookedBy: "STAFF" }));
    await publish(automation, appointments.reminderDue, business, reminder(booking, 60));
    await publish(automation, appointments.bookingCancelled, business, cancelled(booking, { cancelledBy: "CLIENT" }));

    const clientLog = await settledLog(business, booking.client.email, 3);
    expect(clientLog.map((row) => [row.template, row.status]).sort()).toEqual([
      ["APPOINTMENT_CANCELLED", "SUPPRESSED"],
      ["APPOINTMENT_CONFIRMED", "SUPPRESSED"],
      ["APPOINTMENT_REMINDER", "SUPPRESSED"],
    ]);
    expect(clientLog.every((row) => /Do Not Disturb/.test(row.reason))).toBe(true);
    const hostMails = await waitForMail(business, booking.host.email, 2);
    expect(hostMails.map((mail) => mail.subject).sort()).toEqual([
      "Cancelled: Initial consultation with Ada Lovelace",
      "Confirmed: Initial consultation with Ada Lovelace",
    ]);
    expect(await mailTo(business, booking.client.email)).toEqual([]);
  });

  it("sends once for an event delivered twice", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const booking = newBooking(business);
    const event = await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));
    await publish(automation, appointments.bookingConfirmed, business, event.payload, event.eventId);
    const reminderEvent = await publish(automation, appointments.reminderDue, business, reminder(booking, 60));
    await publish(automation, appointments.reminderDue, business, reminderEvent.payload, reminderEvent.eventId);

    await waitForMail(business, booking.client.email, 2);
    await settle();
    const clientMails = await mailTo(business, booking.client.email);
    expect(clientMails.map((mail) => mail.subject.split(":")[0]).sort()).toEqual(["Confirmed", "Reminder"]);
    expect(await mailTo(business, booking.host.email)).toHaveLength(1);
    expect(await logEntriesFor(automation, business)).toHaveLength(3);
  });

  it("keeps each business's appointment emails to itself", async () => {
    const business = newBusiness();
    const other = newBusiness();
    await publishBusiness(automation, business);
    await publishBusiness(automation, other);
    const booking = newBooking(business);
    await publish(automation, appointments.bookingConfirmed, business, confirmed(booking));
    await waitForMail(business, booking.host.email, 1);
    expect(await mailTo(other, booking.client.email)).toEqual([]);
    expect(await mailTo(other, booking.host.email)).toEqual([]);
    expect(await logEntriesFor(automation, other)).toEqual([]);
  });
});
