import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { confirm, createBusiness, createContact, invite, linkFromMailbox, tokenOf } from "../../../tests/support/journeys.js";
import { type Platform, startPlatform } from "../../../tests/support/platform.js";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The calendar feed as a calendar app fetches it: through the gateway, on the business's host, with no cookie. */
describe("calendar feed through the gateway", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("answers the feed URL anonymously on the business's host only, with the client's booking at its UTC instant", async () => {
    const business = await createBusiness(platform, "Feed Studio");
    const other = await createBusiness(platform, "Other Studio");
    const email = `ada@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Ada Lovelace", email });
    const since = Date.now() - 1000;
    await invite(business.staff, contactId);
    const client = platform.client(business.host);
    await confirm(client, tokenOf(await linkFromMailbox(business.staff, email, since)));

    const ownerId = (await business.staff.data(`{ viewer { staff { id } } }`)).viewer.staff.id;
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: "00:00", end: "24:00" }] }));
    await until(
      () =>
        business.staff.data(
          `mutation($s: ID!, $w: [WeeklyHoursInput!]!) { setWeeklyAvailability(staffId: $s, timeZone: "Europe/Paris", weekly: $w) { __typename } }`,
          { s: ownerId, w: weekly },
        ),
      (data) => data.setWeeklyAvailability.__typename === "StaffAvailabilitySuccess",
      "appointments to know the owner",
    );
    const created = await business.staff.data(
      `mutation($input: AppointmentTypeInput!) { createAppointmentType(input: $input) { __typename ... on AppointmentTypeSuccess { appointmentType { id } } } }`,
      {
        input: {
          name: "Call",
          durationMinutes: 30,
          location: { kind: "PHONE", value: "+1 555 0100" },
          hostStaffIds: [ownerId],
          minimumNoticeMinutes: 0,
        },
      },
    );
    const typeId = created.createAppointmentType.appointmentType.id;
    const startsAt = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();
    const booked = await until(
      () =>
        client.data(
          `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename ... on AppointmentSuccess { appointment { id } } ... on UserError { message } } }`,
          { input: { typeId, startsAt } },
        ),
      (data) => data.bookAppointment.__typename === "AppointmentSuccess",
      "appointments to know the contact",
    );
    const url = new URL((await client.data(`{ myCalendarFeed { url } }`)).myCalendarFeed.url);
    expect(url.origin).toBe(`http://${business.host}:4000`);

    const feed = await platform.client(business.host).download(url.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(feed.bytes.toString("utf8")));
    const [event] = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(event!.uid).toBe(`appointment-${booked.bookAppointment.appointment.id}@client-portal`);
    expect(event!.startDate.toJSDate().toISOString()).toBe(startsAt);

    // Another business's host, or a changed token: nothing.
    expect((await platform.client(other.host).download(url.pathname)).status).toBe(404);
    expect(
      (await platform.client(business.host).download(url.pathname.replace(/[0-9a-f]{64}\.ics$/, `${"a".repeat(64)}.ics`))).status,
    ).toBe(404);
  }, 120_000);
});
