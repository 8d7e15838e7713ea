import { type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  apiKeyIn,
  createType,
  fileRequest,
  gql,
  hourAhead,
  newTenant,
  OPS,
  ok,
  raw,
  setHours,
  startAppointments,
  type Tenant,
} from "./helpers.js";

/**
 * Two businesses: no type, availability, booking or calendar feed of one can be read or changed from
 * the other, by id, through `_entities` or through a feed URL; inside one business a client sees only
 * their own bookings.
 */
describe("appointments across businesses and clients", () => {
  let subgraph: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let theirs: { typeId: string; bookingId: string; startsAt: string; feedUrl: string; staffFeedUrl: string };
  let bType: string;

  beforeAll(async () => {
    subgraph = await startAppointments();
    [a, b] = await Promise.all([newTenant(subgraph), newTenant(subgraph)]);
    await setHours(subgraph, a, a.owner.id, "UTC");
    await setHours(subgraph, b, b.owner.id, "UTC");
    await gql(subgraph, a.owner.caller, OPS.override, { staffId: a.owner.id, date: "2030-01-01", intervals: [] });
    const type = await createType(subgraph, a, { name: "A's consultation" });
    bType = (await createType(subgraph, b, { name: "B's consultation" })).id;
    const [ada] = a.contacts as [any];
    const startsAt = hourAhead(40);
    const booking = ok(
      (await gql(subgraph, ada.caller, OPS.book, { input: { typeId: type.id, startsAt } })).bookAppointment,
      "appointment",
    );
    const feedUrl = (await gql(subgraph, ada.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url;
    const staffFeedUrl = (await gql(subgraph, a.owner.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url;
    theirs = { typeId: type.id, bookingId: booking.id, startsAt, feedUrl, staffFeedUrl };
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  const strangers = (): Record<string, Caller> => {
    const [ada, , alan] = a.contacts as [any, any, any];
    return {
      "B's owner": b.owner.caller,
      "B's READ key": apiKeyIn(b.businessId, ["read", "write"]),
      "B's contact": b.contacts[0]!.caller,
      "B's contact with A's client's id": { ...b.contacts[0]!.caller, actor: { kind: "contact" as const, id: ada.id } },
      "B's staff with A's owner's id": { ...b.owner.caller, actor: { kind: "staff" as const, id: a.owner.id, role: "owner" } },
      "A's other client": alan.caller,
    };
  };

  it("reads: types, bookings, availability, slots and entities of A are invisible", async () => {
    for (const [who, caller] of Object.entries(strangers())) {
      const sameBusiness = who === "A's other client";
      const read = await gql(
        subgraph,
        caller,
        `query($booking: ID!) {
          appointment(id: $booking) { id }
          _entities(representations: [{ __typename: "Appointment", id: $booking }]) { __typename ... on Appointment { id } }
        }`,
        { booking: theirs.bookingId },
      );
      expect(read, who).toEqual({ appointment: null, _entities: [null] });
      if (sameBusiness) continue;
      const typeRead = await gql(
        subgraph,
        caller,
        `query($type: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
          appointmentType(id: $type) { id }
          appointmentSlots(typeId: $type, from: $from, to: $to) { startsAt }
          _entities(representations: [{ __typename: "AppointmentType", id: $type }]) { __typename ... on AppointmentType { id } }
        }`,
        { type: theirs.typeId, from: hourAhead(1), to: hourAhead(100) },
      );
      expect(typeRead, who).toEqual({ appointmentType: null, appointmentSlots: null, _entities: [null] });
      const listed = await gql(subgraph, caller, `{ appointmentTypes { edges { node { id } } } }`);
      expect(
        listed.appointmentTypes.edges.map((edge: any) => edge.node.id),
        who,
      ).not.toContain(theirs.typeId);
      if (caller.actor.kind === "contact") {
        const mine = await gql(
          subgraph,
          caller,
          `{ up: myAppointments(when: UPCOMING) { totalCount } past: myAppointments(when: PAST) { totalCount } }`,
        );
        expect(mine, who).toEqual({ up: { totalCount: 0 }, past: { totalCount: 0 } });
      } else {
        const agenda = await gql(
          subgraph,
          caller,
          `query($from: DateTimeISO!, $to: DateTimeISO!) { agenda(from: $from, to: $to) { totalCount } }`,
          {
            from: hourAhead(1),
            to: hourAhead(100),
          },
        );
        expect(agenda.agenda.totalCount, who).toBe(0);
        const availability = await gql(subgraph, caller, `query($id: ID!) { staffAvailability(staffId: $id) { timeZone } }`, {
          id: a.owner.id,
        });
        expect(availability.staffAvailability, who).toBeNull();
      }
    }
    // A contact of A as a Contact entity: only for themself or A's staff.
    const contactEntity = `query($id: ID!) { _entities(representations: [{ __typename: "Contact", id: $id }]) { ... on Contact { appointmentSummary { hasAppointments } } } }`;
    expect((await gql(subgraph, b.owner.caller, contactEntity, { id: a.contacts[0]!.id }))._entities).toEqual([null]);
    expect(
      (await gql(subgraph, a.owner.caller, contactEntity, { id: a.contacts[0]!.id }))._entities[0].appointmentSummary.hasAppointments,
    ).toBe(true);
  });

  it("feeds: A's feed URLs answer nothing on B's host, and on A's host only with the right token", async () => {
    for (const url of [theirs.feedUrl, theirs.staffFeedUrl]) {
      const path = url.replace(`${a.portalUrl}/files/appointments/`, "");
      expect((await fileRequest(subgraph, anonymousIn(b.businessId), path)).status).toBe(404);
      expect((await fileRequest(subgraph, b.owner.caller, path)).status).toBe(404);
      expect((await fileRequest(subgraph, anonymousIn(a.businessId), path)).status).toBe(200);
    }
    // B's own feed id with A's token, or A's feed with B's token: 404.
    const bUrl = (await gql(subgraph, b.contacts[0]!.caller, `{ myCalendarFeed { url } }`)).myCalendarFeed.url as string;
    const [, aFeed, aToken] = /calendar\/([^/]+)\/([0-9a-f]{64})\.ics$/.exec(theirs.feedUrl)!;
    const [, bFeed, bToken] = /calendar\/([^/]+)\/([0-9a-f]{64})\.ics$/.exec(bUrl)!;
    expect((await fileRequest(subgraph, anonymousIn(b.businessId), `calendar/${bFeed}/${aToken}.ics`)).status).toBe(404);
    expect((await fileRequest(subgraph, anonymousIn(a.businessId), `calendar/${aFeed}/${bToken}.ics`)).status).toBe(404);
    // API keys have no feed.
    expect((await raw(subgraph, apiKeyIn(a.businessId, ["read"]), `{ myCalendarFeed { url } }`)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("writes: every mutation with A's ids from B changes nothing and answers as for an unknown id", async () => {
    const [ada] = a.contacts as [any];
    const bOwner = b.owner.caller;
    const typeInput = { name: "X", durationMinutes: 30, location: { kind: "PHONE", value: "123" }, hostStaffIds: [b.owner.id] };
    expect((await gql(subgraph, bOwner, OPS.updateType, { id: theirs.typeId, input: typeInput })).updateAppointmentType.__typename).toBe(
      "NotFoundError",
    );
    expect((await gql(subgraph, bOwner, OPS.archiveType, { id: theirs.typeId })).archiveAppointmentType.__typename).toBe("NotFoundError");
    expect((await gql(subgraph, bOwner, OPS.restoreType, { id: theirs.typeId })).restoreAppointmentType.__typename).toBe("NotFoundError");
    expect(
      (await gql(subgraph, bOwner, OPS.createType, { input: { ...typeInput, hostStaffIds: [a.owner.id] } })).createAppointmentType,
    ).toMatchObject({
      __typename: "ValidationError",
      field: "hostStaffIds.0",
    });
    expect((await gql(subgraph, bOwner, OPS.weekly, { staffId: a.owner.id, tz: "UTC", weekly: [] })).setWeeklyAvailability).toMatchObject({
      field: "staffId",
    });
    expect(
      (await gql(subgraph, bOwner, OPS.override, { staffId: a.owner.id, date: "2030-01-02", intervals: [] })).setDateOverride,
    ).toMatchObject({ field: "staffId" });
    expect((await gql(subgraph, bOwner, OPS.removeOverride, { staffId: a.owner.id, date: "2030-01-01" })).removeDateOverride).toMatchObject(
      { field: "staffId" },
    );
    expect(
      (await gql(subgraph, bOwner, OPS.book, { input: { typeId: theirs.typeId, startsAt: hourAhead(60), contactId: b.contacts[0]!.id } }))
        .bookAppointment.__typename,
    ).toBe("NotFoundError");
    expect(
      (await gql(subgraph, bOwner, OPS.book, { input: { typeId: bType, startsAt: hourAhead(60), contactId: ada.id } })).bookAppointment,
    ).toMatchObject({ field: "contactId" });
    expect(
      (
        await gql(subgraph, bOwner, OPS.book, {
          input: { typeId: bType, startsAt: hourAhead(60), contactId: b.contacts[0]!.id, hostStaffId: a.owner.id },
        })
      ).bookAppointment,
    ).toMatchObject({ field: "hostStaffId" });
    expect(
      (await gql(subgraph, b.contacts[0]!.caller, OPS.book, { input: { typeId: theirs.typeId, startsAt: hourAhead(60) } })).bookAppointment
        .__typename,
    ).toBe("NotFoundError");
    for (const caller of [bOwner, b.contacts[0]!.caller, a.contacts[2]!.caller]) {
      expect(
        (await gql(subgraph, caller, OPS.reschedule, { id: theirs.bookingId, startsAt: hourAhead(70) })).rescheduleAppointment.__typename,
      ).toBe("NotFoundError");
      expect((await gql(subgraph, caller, OPS.cancel, { id: theirs.bookingId, reason: "x" })).cancelAppointment.__typename).toBe(
        "NotFoundError",
      );
    }
    expect((await gql(subgraph, bOwner, OPS.completed, { id: theirs.bookingId })).markAppointmentCompleted.__typename).toBe(
      "NotFoundError",
    );
    expect((await gql(subgraph, bOwner, OPS.noShow, { id: theirs.bookingId })).markAppointmentNoShow.__typename).toBe("NotFoundError");

    // Nothing of A changed.
    const still = await gql(
      subgraph,
      a.owner.caller,
      `query($id: ID!, $b: ID!) { appointmentType(id: $id) { name archived } appointment(id: $b) { status startsAt } staffAvailability(staffId: "${a.owner.id}") { timeZone overrides { date } } }`,
      {
        id: theirs.typeId,
        b: theirs.bookingId,
      },
    );
    expect(still).toEqual({
      appointmentType: { name: "A's consultation", archived: false },
      appointment: { status: "BOOKED", startsAt: new Date(theirs.startsAt).toISOString() },
      staffAvailability: { timeZone: "UTC", overrides: [{ date: "2030-01-01" }] },
    });
    // The same feed endpoint for B's owner resets only B's.
    const reset = await gql(subgraph, bOwner, `mutation { resetCalendarFeed { __typename } }`);
    expect(reset.resetCalendarFeed.__typename).toBe("CalendarFeedSuccess");
    expect(
      (await fileRequest(subgraph, anonymousIn(a.businessId), theirs.staffFeedUrl.replace(`${a.portalUrl}/files/appointments/`, "")))
        .status,
    ).toBe(200);
  });
});
