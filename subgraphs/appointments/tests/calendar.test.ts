import { acceptPreviousSecret, type RunningSubgraphProcess, TEST_SECRET } from "@portal/kit";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedToken } from "../src/calendar/calendar-feed.js";
import {
  anonymousIn,
  createType,
  fileRequest,
  gql,
  hourAhead,
  newTenant,
  OPS,
  ok,
  setHours,
  startAppointments,
  type Tenant,
} from "./helpers.js";

/** The events of an iCalendar text, parsed by a real iCalendar parser. */
function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        sequence: event.sequence,
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        status: component.getFirstPropertyValue("status"),
        location: event.location,
      };
    }),
  };
}

/** The feed as a calendar app fetches it: no sign-in, the business from the host. */
const fetchFeed = (subgraph: RunningSubgraphProcess, tenant: Tenant, url: string) =>
  fileRequest(subgraph, anonymousIn(tenant.businessId), url.replace(`${tenant.portalUrl}/files/appointments/`, ""));

describe("calendar files and feeds", () => {
  let subgraph: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    subgraph = await startAppointments();
    a = await newTenant(subgraph);
    await setHours(subgraph, a, a.owner.id, "Asia/Tokyo");
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it("Appointment.ics parses and imports the booked UTC instant, with the same UID and a higher sequence once moved", async () => {
    const type = await createType(subgraph, a, {
      name: "Portfolio review",
      durationMinutes: 45,
      location: { kind: "ADDRESS", value: "1 Main Street" },
    });
    const [ada] = a.contacts as [any];
    const slots = (
      await gql(subgraph, ada.caller, OPS.slots, { typeId: type.id, from: hourAhead(30), to: hourAhead(50) })
    ).appointmentSlots.map((slot: { startsAt: string }) => slot.startsAt);
    const [startsAt, later] = [slots[0], slots[10]];
    const booked = ok(
      (await gql(subgraph, ada.caller, OPS.book, { input: { typeId: type.id, startsAt, clientTimeZone: "Europe/Paris" } })).bookAppointment,
      "appointment",
    );
    const first = eventsOf((await gql(subgraph, ada.caller, OPS.appointment, { id: booked.id })).appointment.ics);
    expect(first.method).toBe("PUBLISH");
    expect(first.events).toEqual([
      {
        uid: `appointment-${booked.id}@client-portal`,
        sequence: 0,
        summary: `Portfolio review with Biz ${a.businessId.slice(0, 8)}`,
        start: new Date(startsAt).toISOString(),
        end: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
        status: "CONFIRMED",
        location: "1 Main Street",
      },
    ]);
    ok((await gql(subgraph, ada.caller, OPS.reschedule, { id: booked.id, startsAt: later })).rescheduleAppointment, "appointment");
    const moved = eventsOf((await gql(subgraph, ada.caller, OPS.appointment, { id: booked.id })).appointment.ics).events[0]!;
    expect(moved).toMatchObject({ uid: first.events[0]!.uid, sequence: 1, start: new Date(later).toISOString() });
  });

  it("feeds: a client's holds their bookings, a staff member's those they host; reset stops the old URL", async () => {
    const type = await createType(subgraph, a, { name: "Feed session" });
    const [, grace, alan] = a.contacts as [any, any, any];
    const graceBooking = ok(
      (await gql(subgraph, grace.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(60) } })).bookAppointment,
      "appointment",
    );
    const alanBooking = ok(
      (await gql(subgraph, alan.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(62) } })).bookAppointment,
      "appointment",
    );
    ok((await gql(subgraph, alan.caller, OPS.cancel, { id: alanBooking.id })).cancelAppointment, "appointment");

    const graceUrl = (await gql(subgraph, grace.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url as string;
    expect(graceUrl).toMatch(new RegExp(`^${a.portalUrl}/files/appointments/calendar/[0-9a-f-]{36}/[0-9a-f]{64}\\.ics$`));
    expect((await gql(subgraph, grace.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url).toBe(graceUrl);
    const response = await fetchFeed(subgraph, a, graceUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const graceFeed = eventsOf(await response.text());
    expect(graceFeed.events.map((event) => event.uid)).toEqual([`appointment-${graceBooking.id}@client-portal`]);
    expect(graceFeed.events[0]!.start).toBe(new Date(graceBooking.startsAt).toISOString());

    const staffUrl = (await gql(subgraph, a.owner.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url as string;
    const staffFeed = eventsOf(await (await fetchFeed(subgraph, a, staffUrl)).text());
    const byUid = new Map(staffFeed.events.map((event) => [event.uid, event]));
    expect(byUid.get(`appointment-${graceBooking.id}@client-portal`)).toMatchObject({
      status: "CONFIRMED",
      summary: `Feed session: ${grace.name}`,
    });
    expect(byUid.get(`appointment-${alanBooking.id}@client-portal`)).toMatchObject({ status: "CANCELLED", sequence: 1 });

    const reset = (
      await gql(subgraph, grace.caller, `mutation { resetCalendarFeed { __typename ... on CalendarFeedSuccess { feed { url } } } }`)
    ).resetCalendarFeed;
    expect(reset.feed.url).not.toBe(graceUrl);
    expect((await fetchFeed(subgraph, a, graceUrl)).status).toBe(404);
    expect((await fetchFeed(subgraph, a, reset.feed.url)).status).toBe(200);
    // A made-up token for a real feed, and an API key asking for a feed.
    const forged = reset.feed.url.replace(/[0-9a-f]{64}\.ics$/, `${"0".repeat(64)}.ics`);
    expect((await fetchFeed(subgraph, a, forged)).status).toBe(404);
  });

  it("feeds: during a PORTAL_SECRET rotation the URL made with the previous secret still works, and only then", async () => {
    const url = (await gql(subgraph, a.owner.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url as string;
    const [, feedId, token] = url.match(/\/calendar\/([0-9a-f-]{36})\/([0-9a-f]{64})\.ics$/)!;
    const version = [1, 2, 3, 4, 5].find((v) => feedToken(TEST_SECRET, feedId!, v) === token)!;
    const previous = "previous-secret-0123456789-0123456789-abcdef";
    const oldUrl = url.replace(token!, feedToken(previous, feedId!, version));
    expect((await fetchFeed(subgraph, a, oldUrl)).status).toBe(404);
    acceptPreviousSecret(TEST_SECRET, previous);
    try {
      expect((await fetchFeed(subgraph, a, oldUrl)).status).toBe(200);
      expect((await fetchFeed(subgraph, a, url)).status).toBe(200);
    } finally {
      acceptPreviousSecret(TEST_SECRET, undefined);
    }
    expect((await fetchFeed(subgraph, a, oldUrl)).status).toBe(404);
  });
});
