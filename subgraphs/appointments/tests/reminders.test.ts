import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueReminders } from "../src/index.js";
import { createType, gql, hourAhead, newTenant, OPS, ok, outbox, setHours, startAppointments, type Tenant } from "./helpers.js";

const MINUTE = 60_000;

describe("reminders", () => {
  let subgraph: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    subgraph = await startAppointments();
    a = await newTenant(subgraph);
    await setHours(subgraph, a, a.owner.id, "UTC");
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  const reminders = async (bookingId: string) =>
    (await outbox(subgraph, a.businessId, "appointments.reminder.due")).filter((row) => row.payload.bookingId === bookingId);
  const run = (at: Date) => runDueReminders(subgraph.orm, at, { businessId: a.businessId });

  it("go out at each of the type's times, once, even when the job runs twice (at once or again)", async () => {
    const type = await createType(subgraph, a, { name: "Reminded", reminderMinutesBefore: [1440, 60] });
    const booked = ok(
      (await gql(subgraph, a.contacts[0]!.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(48) } })).bookAppointment,
      "appointment",
    );
    const start = Date.parse(booked.startsAt);
    expect(await run(new Date(start - 1441 * MINUTE))).toBe(0);
    const [first, second] = await Promise.all([run(new Date(start - 1439 * MINUTE)), run(new Date(start - 1439 * MINUTE))]);
    expect(first + second).toBe(1);
    expect(await run(new Date(start - 1000 * MINUTE))).toBe(0);
    expect((await reminders(booked.id)).map((row) => row.payload.minutesBefore)).toEqual([1440]);
    expect(await run(new Date(start - 59 * MINUTE))).toBe(1);
    expect(await run(new Date(start - 58 * MINUTE))).toBe(0);
    const sent = await reminders(booked.id);
    expect(sent.map((row) => row.payload.minutesBefore)).toEqual([1440, 60]);
    expect(sent[1]!.payload).toMatchObject({ link: `${a.portalUrl}/appointments/${booked.id}`, client: { email: a.contacts[0]!.email } });
    // After the start nothing more.
    expect(await run(new Date(start + MINUTE))).toBe(0);
  });

  it("are removed when the booking is cancelled", async () => {
    const type = await createType(subgraph, a, { name: "Cancelled later", reminderMinutesBefore: [60] });
    const booked = ok(
      (await gql(subgraph, a.contacts[1]!.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(30) } })).bookAppointment,
      "appointment",
    );
    ok((await gql(subgraph, a.contacts[1]!.caller, OPS.cancel, { id: booked.id })).cancelAppointment, "appointment");
    expect(await run(new Date(Date.parse(booked.startsAt) - 30 * MINUTE))).toBe(0);
    expect(await reminders(booked.id)).toEqual([]);
  });

  it("follow a moved booking: the old time's reminder is never sent, the new one is", async () => {
    const type = await createType(subgraph, a, { name: "Moved later", reminderMinutesBefore: [60] });
    const booked = ok(
      (await gql(subgraph, a.contacts[2]!.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(30) } })).bookAppointment,
      "appointment",
    );
    const oldStart = Date.parse(booked.startsAt);
    const moved = ok(
      (await gql(subgraph, a.contacts[2]!.caller, OPS.reschedule, { id: booked.id, startsAt: hourAhead(40) })).rescheduleAppointment,
      "appointment",
    );
    expect(await run(new Date(oldStart - 30 * MINUTE))).toBe(0);
    expect(await run(new Date(Date.parse(moved.startsAt) - 30 * MINUTE))).toBe(1);
    const sent = await reminders(booked.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ startsAt: new Date(moved.startsAt).toISOString(), icsSequence: 1 });
  });

  it("survive a restart: they are rows in PostgreSQL, found by a new process", async () => {
    const type = await createType(subgraph, a, { name: "Across restarts", reminderMinutesBefore: [120] });
    const booked = ok(
      (await gql(subgraph, a.owner.caller, OPS.book, { input: { typeId: type.id, startsAt: hourAhead(20), contactId: a.contacts[0]!.id } }))
        .bookAppointment,
      "appointment",
    );
    await subgraph.stop();
    subgraph = await startAppointments();
    expect(await run(new Date(Date.parse(booked.startsAt) - 119 * MINUTE))).toBe(1);
    expect(await reminders(booked.id)).toHaveLength(1);
  });
});
