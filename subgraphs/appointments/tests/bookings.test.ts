import { forkFor, type RunningSubgraphProcess, saveStaffSnapshot } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addStaff,
  apiKeyIn,
  createType,
  gql,
  hourAhead,
  OPS,
  ok,
  outbox,
  raw,
  setHours,
  startAppointments,
  newTenant,
  type Tenant,
} from "./helpers.js";

describe("appointment types, availability and bookings", () => {
  let subgraph: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    subgraph = await startAppointments();
    a = await newTenant(subgraph);
    await setHours(subgraph, a, a.owner.id, "Europe/Paris");
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it("types: staff create, change, archive and restore them; clients see only bookable ones; input is checked", async () => {
    const type = await createType(subgraph, a, { name: "Intro call", durationMinutes: 30 });
    expect(type).toMatchObject({
      name: "Intro call",
      durationMinutes: 30,
      clientBookable: true,
      archived: false,
      reminderMinutesBefore: [1440, 60],
    });
    expect(type.hosts).toEqual([{ staffId: a.owner.id, name: a.owner.name }]);
    const hidden = await createType(subgraph, a, { name: "Internal review", clientBookable: false });
    const [ada] = a.contacts as [any];
    const seen = async () =>
      (await gql(subgraph, ada.caller, `{ appointmentTypes(first: 100) { edges { node { id } } } }`)).appointmentTypes.edges.map(
        (edge: any) => edge.node.id,
      );
    expect(await seen()).toContain(type.id);
    expect(await seen()).not.toContain(hidden.id);
    expect(
      (await gql(subgraph, ada.caller, `query($id: ID!) { appointmentType(id: $id) { id } }`, { id: hidden.id })).appointmentType,
    ).toBeNull();
    ok((await gql(subgraph, a.owner.caller, OPS.archiveType, { id: type.id })).archiveAppointmentType, "appointmentType");
    expect(await seen()).not.toContain(type.id);
    const staffList = await gql(
      subgraph,
      a.owner.caller,
      `{ appointmentTypes(first: 100, includeArchived: true) { edges { node { id archived } } } }`,
    );
    expect(staffList.appointmentTypes.edges.map((edge: any) => edge.node.id)).toEqual(expect.arrayContaining([type.id, hidden.id]));
    ok((await gql(subgraph, a.owner.caller, OPS.restoreType, { id: type.id })).restoreAppointmentType, "appointmentType");
    expect(await seen()).toContain(type.id);

    const invalid = async (input: Record<string, unknown>) =>
      (
        await gql(subgraph, a.owner.caller, OPS.createType, {
          input: {
            name: "X",
            durationMinutes: 30,
            location: { kind: "PHONE", value: "+33 1 23 45 67 89" },
            hostStaffIds: [a.owner.id],
            ...input,
          },
        })
      ).createAppointmentType;
    expect(await invalid({ durationMinutes: 2 })).toMatchObject({ __typename: "ValidationError", field: "durationMinutes" });
    expect(await invalid({ location: { kind: "VIDEO", value: "http://insecure.example" } })).toMatchObject({ field: "location.value" });
    expect(await invalid({ hostStaffIds: [ada.id] })).toMatchObject({
      field: "hostStaffIds.0",
      message: "No such staff member in this business",
    });
    expect(await invalid({ reminderMinutesBefore: [0] })).toMatchObject({ field: "reminderMinutesBefore" });
    // A client or a READ key cannot change types.
    expect(
      (
        await raw(subgraph, ada.caller, OPS.createType, {
          input: { name: "X", durationMinutes: 30, location: { kind: "PHONE", value: "1" }, hostStaffIds: [] },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await raw(subgraph, apiKeyIn(a.businessId, ["read"]), OPS.archiveType, { id: type.id })).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("availability: weekly hours in a zone and date overrides, checked; slots follow them", async () => {
    const sam = await addStaff(subgraph, a, "Sam Staff");
    const set = ok(
      (
        await gql(subgraph, a.owner.caller, OPS.weekly, {
          staffId: sam.id,
          tz: "America/New_York",
          weekly: [
            {
              weekday: 3,
              intervals: [
                { start: "13:00", end: "17:00" },
                { start: "09:00", end: "12:00" },
              ],
            },
          ],
        })
      ).setWeeklyAvailability,
      "availability",
    );
    expect(set).toMatchObject({
      timeZone: "America/New_York",
      weekly: [
        {
          weekday: 3,
          intervals: [
            { start: "09:00", end: "12:00" },
            { start: "13:00", end: "17:00" },
          ],
        },
      ],
    });
    const bad = async (variables: Record<string, unknown>) =>
      (await gql(subgraph, a.owner.caller, OPS.weekly, { staffId: sam.id, tz: "UTC", weekly: [], ...variables })).setWeeklyAvailability;
    expect(await bad({ tz: "Mars/Olympus" })).toMatchObject({ __typename: "ValidationError", field: "timeZone" });
    expect(await bad({ weekly: [{ weekday: 8, intervals: [] }] })).toMatchObject({ field: "weekly.0.weekday" });
    expect(await bad({ weekly: [{ weekday: 1, intervals: [{ start: "10:00", end: "09:00" }] }] })).toMatchObject({
      field: "weekly.0.intervals.0.end",
    });
    expect(
      await bad({
        weekly: [
          {
            weekday: 1,
            intervals: [
              { start: "09:00", end: "12:00" },
              { start: "11:00", end: "13:00" },
            ],
          },
        ],
      }),
    ).toMatchObject({
      field: "weekly.0.intervals",
    });
    expect(await bad({ staffId: a.contacts[0]!.id })).toMatchObject({ field: "staffId" });

    const type = await createType(subgraph, a, { name: "Sam's session", hostStaffIds: [sam.id], bookingWindowDays: 730 });
    // Wednesday 2 December 2026 (EST, UTC-5): 9-12 and 13-17 local.
    const slots = async () =>
      (
        await gql(subgraph, a.owner.caller, OPS.slots, { typeId: type.id, from: "2026-12-02T00:00:00Z", to: "2026-12-03T00:00:00Z" })
      ).appointmentSlots.map((slot: any) => slot.startsAt.slice(11, 16));
    expect(await slots()).toEqual(["14:00", "15:00", "16:00", "18:00", "19:00", "20:00", "21:00"]);
    ok(
      (
        await gql(subgraph, a.owner.caller, OPS.override, {
          staffId: sam.id,
          date: "2026-12-02",
          intervals: [{ start: "08:00", end: "09:00" }],
        })
      ).setDateOverride,
      "availability",
    );
    expect(await slots()).toEqual(["13:00"]);
    ok(
      (await gql(subgraph, a.owner.caller, OPS.override, { staffId: sam.id, date: "2026-12-02", intervals: [] })).setDateOverride,
      "availability",
    );
    expect(await slots()).toEqual([]);
    expect(
      (await gql(subgraph, a.owner.caller, OPS.removeOverride, { staffId: sam.id, date: "2026-12-02" })).removeDateOverride.__typename,
    ).toBe("StaffAvailabilitySuccess");
    expect(await slots()).toHaveLength(7);
    const read = await gql(
      subgraph,
      apiKeyIn(a.businessId, ["read"]),
      `query($id: ID!) { staffAvailability(staffId: $id) { staffName timeZone overrides { date } } }`,
      { id: sam.id },
    );
    expect(read.staffAvailability).toEqual({ staffName: "Sam Staff", timeZone: "America/New_York", overrides: [] });
    expect(
      (await raw(subgraph, a.contacts[0]!.caller, `query($id: ID!) { staffAvailability(staffId: $id) { timeZone } }`, { id: sam.id }))
        .errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("a client books a bookable type for themself; staff book for a contact; a taken or unoffered time is refused", async () => {
    const type = await createType(subgraph, a, { name: "Coaching" });
    const [ada, grace] = a.contacts as [any, any];
    const startsAt = hourAhead(30);
    const mine = ok(
      (await gql(subgraph, ada.caller, OPS.book, { input: { typeId: type.id, startsAt, clientTimeZone: "America/New_York" } }))
        .bookAppointment,
      "appointment",
    );
    expect(mine).toMatchObject({
      startsAt: new Date(startsAt).toISOString(),
      status: "BOOKED",
      clientTimeZone: "America/New_York",
      canChange: true,
      host: { staffId: a.owner.id, name: a.owner.name },
      contact: { id: ada.id },
      location: { kind: "VIDEO", value: "https://meet.example.com/room" },
    });
    expect(new Date(mine.changeDeadline).getTime()).toBe(new Date(startsAt).getTime() - 1440 * 60_000);
    // The same time again: taken (one host).
    expect((await gql(subgraph, grace.caller, OPS.book, { input: { typeId: type.id, startsAt } })).bookAppointment).toMatchObject({
      __typename: "SlotTakenError",
      message: "That time was just taken. Please choose another.",
    });
    // Not a slot start (half past), a bad zone, booking for someone else.
    expect(
      (
        await gql(subgraph, grace.caller, OPS.book, {
          input: { typeId: type.id, startsAt: new Date(Date.parse(startsAt) + 1_800_000).toISOString() },
        })
      ).bookAppointment,
    ).toMatchObject({ field: "startsAt" });
    expect(
      (await gql(subgraph, grace.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(40), clientTimeZone: "Nowhere/Land" } }))
        .bookAppointment,
    ).toMatchObject({ field: "clientTimeZone" });
    expect(
      (await gql(subgraph, grace.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(40), contactId: ada.id } }))
        .bookAppointment,
    ).toMatchObject({ field: "contactId" });

    const staffBooked = ok(
      (await gql(subgraph, a.owner.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(50), contactId: grace.id } }))
        .bookAppointment,
      "appointment",
    );
    expect(staffBooked).toMatchObject({ contact: { id: grace.id }, clientTimeZone: "Europe/Paris" });
    expect(
      (await gql(subgraph, a.owner.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(60) } })).bookAppointment,
    ).toMatchObject({ field: "contactId" });

    // A type not offered to clients: staff may book it, a client may not.
    const internal = await createType(subgraph, a, { name: "Staff-only", clientBookable: false });
    expect(
      (await gql(subgraph, ada.caller, OPS.book, { input: { typeId: internal.id, startsAt: hourAhead(70) } })).bookAppointment.__typename,
    ).toBe("NotFoundError");
    // Client notice: a type needing two days' notice refuses tomorrow.
    const noticed = await createType(subgraph, a, { name: "Noticed", minimumNoticeMinutes: 2880 });
    expect(
      (await gql(subgraph, ada.caller, OPS.book, { input: { typeId: noticed.id, startsAt: hourAhead(26) } })).bookAppointment,
    ).toMatchObject({ field: "startsAt" });

    // The confirmation carries links on the business's configured portal address.
    const [confirmed] = (await outbox(subgraph, a.businessId, "appointments.booking.confirmed")).filter(
      (row) => row.payload.bookingId === mine.id,
    );
    expect(confirmed!.payload).toMatchObject({
      link: `${a.portalUrl}/appointments/${mine.id}`,
      adminLink: `${a.portalUrl}/admin/appointments/${mine.id}`,
      bookedBy: "CLIENT",
      clientTimeZone: "America/New_York",
      hostTimeZone: "Europe/Paris",
      icsSequence: 0,
      client: { email: ada.email },
      host: { email: a.owner.email },
    });

    // Lists: the client's upcoming; the staff agenda.
    const upcoming = await gql(subgraph, ada.caller, `{ myAppointments(when: UPCOMING) { totalCount edges { node { id } } } }`);
    expect(upcoming.myAppointments.edges.map((edge: any) => edge.node.id)).toEqual([mine.id]);
    const agenda = await gql(
      subgraph,
      a.owner.caller,
      `query($from: DateTimeISO!, $to: DateTimeISO!) { agenda(from: $from, to: $to) { edges { node { id } } } }`,
      {
        from: new Date().toISOString(),
        to: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    );
    expect(agenda.agenda.edges.map((edge: any) => edge.node.id)).toEqual(expect.arrayContaining([mine.id, staffBooked.id]));
    expect(
      (
        await raw(subgraph, ada.caller, `query($from: DateTimeISO!, $to: DateTimeISO!) { agenda(from: $from, to: $to) { totalCount } }`, {
          from: new Date().toISOString(),
          to: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("twenty concurrent bookings of one slot make exactly one booking and nineteen 'just taken' answers", async () => {
    const type = await createType(subgraph, a, { name: "Popular" });
    const startsAt = hourAhead(100);
    const callers = [...a.contacts.map((contact) => contact.caller), a.owner.caller];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const caller = callers[index % callers.length]!;
        const input =
          caller.actor.kind === "staff" ? { typeId: type.id, startsAt, contactId: a.contacts[0]!.id } : { typeId: type.id, startsAt };
        return gql(subgraph, caller, OPS.book, { input });
      }),
    );
    const kinds = results.map((result) => result.bookAppointment.__typename);
    expect(kinds.filter((kind) => kind === "AppointmentSuccess")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "SlotTakenError")).toHaveLength(19);
    const agenda = await gql(
      subgraph,
      a.owner.caller,
      `query($from: DateTimeISO!, $to: DateTimeISO!) { agenda(from: $from, to: $to) { totalCount } }`,
      {
        from: startsAt,
        to: new Date(Date.parse(startsAt) + 1).toISOString(),
      },
    );
    expect(agenda.agenda.totalCount).toBe(1);
  });

  it("a type with two hosts gives the second host the time the first is booked at", async () => {
    const sam = await addStaff(subgraph, a, "Sam Second");
    await setHours(subgraph, a, sam.id, "UTC");
    const type = await createType(subgraph, a, { name: "Two hosts", hostStaffIds: [a.owner.id, sam.id] });
    const startsAt = hourAhead(120);
    const first = ok(
      (await gql(subgraph, a.contacts[0]!.caller, OPS.book, { input: { typeId: type.id, startsAt } })).bookAppointment,
      "appointment",
    );
    const second = ok(
      (await gql(subgraph, a.contacts[1]!.caller, OPS.book, { input: { typeId: type.id, startsAt } })).bookAppointment,
      "appointment",
    );
    expect(new Set([first.host.staffId, second.host.staffId])).toEqual(new Set([a.owner.id, sam.id]));
    expect(
      (await gql(subgraph, a.contacts[2]!.caller, OPS.book, { input: { typeId: type.id, startsAt } })).bookAppointment.__typename,
    ).toBe("SlotTakenError");
    // Removed from the team: their bookings stay, but they take no new ones.
    await forkFor(subgraph.orm, a.businessId).transactional((em) =>
      saveStaffSnapshot(
        em,
        a.businessId,
        { id: sam.id, name: sam.name, email: sam.email, role: "STAFF", removed: true },
        new Date().toISOString(),
      ),
    );
    const later = await gql(subgraph, a.owner.caller, OPS.slots, { typeId: type.id, from: hourAhead(130), to: hourAhead(132) });
    expect(later.appointmentSlots.map((slot: any) => slot.hostStaffIds)).toEqual([[a.owner.id], [a.owner.id]]);
  });

  it("reschedule keeps the id and calendar UID with a higher sequence; cancel raises it again; clients only before the deadline", async () => {
    const type = await createType(subgraph, a, { name: "Movable", changeNoticeMinutes: 1440 });
    const [, , alan] = a.contacts as [any, any, any];
    const booked = ok(
      (await gql(subgraph, alan.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(48) } })).bookAppointment,
      "appointment",
    );
    const newStart = hourAhead(72);
    const moved = ok(
      (await gql(subgraph, alan.caller, OPS.reschedule, { id: booked.id, startsAt: newStart })).rescheduleAppointment,
      "appointment",
    );
    expect(moved).toMatchObject({ id: booked.id, status: "RESCHEDULED", startsAt: new Date(newStart).toISOString() });
    const [rescheduled] = (await outbox(subgraph, a.businessId, "appointments.booking.rescheduled")).filter(
      (row) => row.payload.bookingId === booked.id,
    );
    const [confirmed] = (await outbox(subgraph, a.businessId, "appointments.booking.confirmed")).filter(
      (row) => row.payload.bookingId === booked.id,
    );
    expect(rescheduled!.payload).toMatchObject({
      icsUid: confirmed!.payload.icsUid,
      icsSequence: 1,
      rescheduledBy: "CLIENT",
      previousStartsAt: booked.startsAt,
    });
    // The old time is free again.
    const again = ok(
      (await gql(subgraph, a.owner.caller, OPS.book, { input: { typeId: type.id, startsAt: booked.startsAt, contactId: alan.id } }))
        .bookAppointment,
      "appointment",
    );

    // Inside the notice period: the client is refused with the deadline and whom to contact; staff may.
    const soon = ok(
      (await gql(subgraph, a.owner.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(3), contactId: alan.id } }))
        .bookAppointment,
      "appointment",
    );
    expect(soon.canChange).toBe(true);
    const read = await gql(subgraph, alan.caller, `query($id: ID!) { appointment(id: $id) { canChange changeDeadline } }`, { id: soon.id });
    expect(read.appointment.canChange).toBe(false);
    const refused = (await gql(subgraph, alan.caller, OPS.cancel, { id: soon.id, reason: "Ill" })).cancelAppointment;
    expect(refused).toMatchObject({ __typename: "TooLateToChangeError", contactName: a.owner.name, contactEmail: a.owner.email });
    expect(refused.message).toContain("can no longer be changed online");
    expect(refused.message).toContain(a.owner.email);
    expect(refused.deadline).toBe(read.appointment.changeDeadline);
    expect(
      (await gql(subgraph, alan.caller, OPS.reschedule, { id: soon.id, startsAt: hourAhead(90) })).rescheduleAppointment.__typename,
    ).toBe("TooLateToChangeError");
    const cancelled = ok(
      (await gql(subgraph, a.owner.caller, OPS.cancel, { id: soon.id, reason: "Host unwell" })).cancelAppointment,
      "appointment",
    );
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledBy: "STAFF", cancelReason: "Host unwell", canChange: false });
    expect((await gql(subgraph, a.owner.caller, OPS.cancel, { id: soon.id })).cancelAppointment.__typename).toBe("AppointmentStateError");

    // The client cancels the moved one in time: sequence 2.
    ok((await gql(subgraph, alan.caller, OPS.cancel, { id: booked.id, reason: "" })).cancelAppointment, "appointment");
    const [cancel] = (await outbox(subgraph, a.businessId, "appointments.booking.cancelled")).filter(
      (row) => row.payload.bookingId === booked.id,
    );
    expect(cancel!.payload).toMatchObject({ icsUid: confirmed!.payload.icsUid, icsSequence: 2, cancelledBy: "CLIENT" });
    expect(again.id).not.toBe(booked.id);
  });

  it("staff mark a started appointment completed or no-show; not before it starts", async () => {
    const type = await createType(subgraph, a, { name: "Past session" });
    const past = new Date(Date.now() - 3 * 86_400_000);
    past.setUTCHours(10, 0, 0, 0);
    const booked = ok(
      (
        await gql(subgraph, a.owner.caller, OPS.book, {
          input: { typeId: type.id, startsAt: past.toISOString(), contactId: a.contacts[0]!.id },
        })
      ).bookAppointment,
      "appointment",
    );
    // A past booking sends no confirmation.
    expect(
      (await outbox(subgraph, a.businessId, "appointments.booking.confirmed")).filter((row) => row.payload.bookingId === booked.id),
    ).toEqual([]);
    expect(ok((await gql(subgraph, a.owner.caller, OPS.noShow, { id: booked.id })).markAppointmentNoShow, "appointment").status).toBe(
      "NO_SHOW",
    );
    expect(ok((await gql(subgraph, a.owner.caller, OPS.completed, { id: booked.id })).markAppointmentCompleted, "appointment").status).toBe(
      "COMPLETED",
    );
    const future = ok(
      (await gql(subgraph, a.owner.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(10), contactId: a.contacts[0]!.id } }))
        .bookAppointment,
      "appointment",
    );
    expect((await gql(subgraph, a.owner.caller, OPS.completed, { id: future.id })).markAppointmentCompleted.__typename).toBe(
      "AppointmentStateError",
    );
    const pastList = await gql(subgraph, a.contacts[0]!.caller, `{ myAppointments(when: PAST) { edges { node { id status } } } }`);
    expect(pastList.myAppointments.edges.map((edge: any) => edge.node)).toContainEqual({ id: booked.id, status: "COMPLETED" });
    // Clients do not mark outcomes.
    expect((await raw(subgraph, a.contacts[0]!.caller, OPS.completed, { id: booked.id })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the dashboard summary: the client's next appointment and whether they can book", async () => {
    const fresh = await newTenant(subgraph, 1);
    const [ada] = fresh.contacts as [any];
    const summary = async () =>
      (
        await gql(
          subgraph,
          ada.caller,
          `query($id: ID!) { _entities(representations: [{ __typename: "Contact", id: $id }]) { ... on Contact { appointmentSummary { hasAppointments canBook next { id } } } } }`,
          {
            id: ada.id,
          },
        )
      )._entities[0].appointmentSummary;
    expect(await summary()).toEqual({ hasAppointments: false, canBook: false, next: null });
    await setHours(subgraph, fresh, fresh.owner.id, "UTC");
    const type = await createType(subgraph, fresh);
    expect(await summary()).toEqual({ hasAppointments: false, canBook: true, next: null });
    const booked = ok(
      (await gql(subgraph, ada.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(5) } })).bookAppointment,
      "appointment",
    );
    expect(await summary()).toEqual({ hasAppointments: true, canBook: true, next: { id: booked.id } });
  });
});
