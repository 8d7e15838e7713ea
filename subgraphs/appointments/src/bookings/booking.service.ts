import {
  badRequest,
  type Caller,
  type Connection,
  type EntityManager,
  findPage,
  findRefs,
  isStaffReader,
  KNOWN_CONTACTS,
  KnownBusiness,
  KnownContact,
  KnownStaff,
  NotFoundError,
  type PageArgs,
  sql,
  ValidationError,
} from "@portal/kit";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { loadSchedules } from "../availability/availability.service.js";
import { computeFreeSlots, type FreeSlot, isTimeZone } from "../availability/slots.js";
import {
  type EventParties,
  publishBookingCancelled,
  publishBookingConfirmed,
  publishBookingRescheduled,
} from "../events/booking-events.js";
import { cancelPendingReminders, scheduleReminders } from "../reminders/reminders.js";
import { AppointmentStateError, SlotTakenError, TooLateToChangeError } from "../shared/appointment.errors.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import type { AppointmentTypeRow } from "../types/appointment-type.entity.js";
import { clientMaySee, findType, visibleType } from "../types/appointment-type.service.js";
import { type Actor, BookingRow, LIVE_STATUSES } from "./booking.entity.js";

/** Rolls a transaction back with a failure to return. */
class Refused extends Error {
  constructor(readonly failure: AppointmentStateError) {
    super(failure.message);
  }
}

/** The longest span one slots query covers. */
export const MAX_SLOT_RANGE_DAYS = 62;

const EXCLUSION_VIOLATION = "23P01";
const isSlotTaken = (error: unknown) =>
  (error as { code?: string })?.code === EXCLUSION_VIOLATION || String((error as Error)?.message ?? "").includes("booking_no_overlap");
/**
 * Two bookings inserted at once for overlapping times may each wait for the other's transaction to
 * learn whether they conflict; PostgreSQL then ends one of them with a deadlock. That one is tried
 * again for the same host: by then the other has committed (its time is taken, 23P01) or rolled back
 * (the time is free again).
 */
const DEADLOCK = "40P01";
const isDeadlock = (error: unknown) => (error as { code?: string })?.code === DEADLOCK || (error as Error)?.name === "DeadlockException";
const DEADLOCK_RETRIES = 3;

export interface SlotsArgs {
  typeId: string;
  from: Date;
  to: Date;
  hostStaffId?: string | null;
}

/** Free slots of a type for the caller: a client gets the notice and window rules; null when the type is not theirs to see. */
export async function slotsFor(em: EntityManager, caller: Caller, args: SlotsArgs, now: Date): Promise<FreeSlot[] | null> {
  if (!(args.to.getTime() > args.from.getTime())) throw badRequest("`to` must be after `from`");
  if (args.to.getTime() - args.from.getTime() > MAX_SLOT_RANGE_DAYS * 86_400_000)
    throw badRequest(`Ask for at most ${MAX_SLOT_RANGE_DAYS} days of slots at a time`);
  const type = await visibleType(em, caller, args.typeId);
  if (!type) return null;
  if (type.archivedAt) return [];
  const hosts = args.hostStaffId ? type.hostStaffIds.filter((id) => id === args.hostStaffId) : type.hostStaffIds;
  return slotsOfType(em, type, hosts, args.from, args.to, now, !isStaffReader(caller));
}

async function slotsOfType(
  em: EntityManager,
  type: AppointmentTypeRow,
  hosts: string[],
  from: Date,
  to: Date,
  now: Date,
  clientRules: boolean,
  excludeBookingId: string | null = null,
): Promise<FreeSlot[]> {
  const schedules = await loadSchedules(em, type.businessId, hosts, from, to, excludeBookingId);
  return computeFreeSlots({ rules: type, hosts: schedules, from, to, now, clientRules });
}

/** Whether the time is one the type offers at all (ignoring bookings): tells "taken" from "not offered". */
async function offered(em: EntityManager, type: AppointmentTypeRow, hosts: string[], startsAt: Date, now: Date, clientRules: boolean) {
  const schedules = await loadSchedules(em, type.businessId, hosts, startsAt, new Date(startsAt.getTime() + 1));
  const slots = computeFreeSlots({
    rules: type,
    hosts: schedules.map((schedule) => ({ ...schedule, busy: [] })),
    from: startsAt,
    to: new Date(startsAt.getTime() + 1),
    now,
    clientRules,
  });
  return slots.length > 0;
}

async function partiesOf(em: EntityManager, booking: BookingRow): Promise<EventParties | AppointmentStateError> {
  const business = await em.findOne(KnownBusiness, { businessId: booking.businessId });
  const contact = await em.findOne(KnownContact, { contactId: booking.contactId });
  const host = await em.findOne(KnownStaff, { staffId: booking.hostStaffId });
  if (!business || !contact || !host) return AppointmentStateError.of("The business's details are not known yet; try again in a moment");
  const [zone] = await sql<{ time_zone: string }>(
    em,
    `select time_zone from appointments.staff_availability where business_id = ? and staff_id = ?`,
    [booking.businessId, booking.hostStaffId],
  );
  return { business, contact, host, hostTimeZone: zone?.time_zone ?? "UTC" };
}

export interface BookInput {
  typeId: string;
  startsAt: Date;
  hostStaffId?: string | null;
  contactId?: string | null;
  clientTimeZone?: string | null;
  inviteToPortal?: boolean | null;
}

type BookFailure = ValidationError | NotFoundError | SlotTakenError | AppointmentStateError;

/**
 * A booking: staff (or a WRITE key) for a contact of the business, any free time of a host; a client
 * for themself, a type they may book, inside its notice and window. The host is the one asked for,
 * else the free host with the fewest bookings around that day. Two bookings of one host never
 * overlap (PostgreSQL's exclusion constraint): losing that race is `SlotTakenError`. The
 * confirmation (when the appointment is still ahead) and the reminders are written in the same
 * transaction.
 */
export async function book(em: EntityManager, caller: Caller, input: BookInput, now: Date): Promise<BookingRow | BookFailure> {
  const ownContactId = contactIdOf(caller);
  const bookedBy: Actor = ownContactId ? "CLIENT" : "STAFF";
  const type = ownContactId ? await visibleType(em, caller, input.typeId) : await findType(em, input.typeId);
  if (!type) return NotFoundError.of("No such appointment type");
  if (type.archivedAt) return AppointmentStateError.of("This appointment type is archived and takes no new bookings");
  let contactId: string;
  if (ownContactId) {
    if (input.contactId && input.contactId !== ownContactId) return ValidationError.of("contactId", "Clients book for themselves");
    contactId = ownContactId;
  } else {
    if (!input.contactId) return ValidationError.of("contactId", "Choose the contact the appointment is for");
    const found = await findRefs(em, { contactId: [KNOWN_CONTACTS, input.contactId] });
    if (found instanceof ValidationError) return found;
    contactId = found.contactId!.contactId;
  }
  if (input.clientTimeZone && !isTimeZone(input.clientTimeZone))
    return ValidationError.of("clientTimeZone", "Give an IANA time zone such as Europe/Paris");
  if (input.hostStaffId && !type.hostStaffIds.includes(input.hostStaffId))
    return ValidationError.of("hostStaffId", "This team member does not host this appointment type");
  if (Number.isNaN(input.startsAt.getTime())) return ValidationError.of("startsAt", "Give the start time");
  const clientRules = bookedBy === "CLIENT";
  const hosts = input.hostStaffId ? [input.hostStaffId] : type.hostStaffIds;
  const end = new Date(input.startsAt.getTime() + 1);
  const schedules = await loadSchedules(em, type.businessId, hosts, input.startsAt, end);
  const [slot] = computeFreeSlots({ rules: type, hosts: schedules, from: input.startsAt, to: end, now, clientRules });
  if (!slot || slot.startsAt.getTime() !== input.startsAt.getTime()) {
    if (await offered(em, type, hosts, input.startsAt, now, clientRules)) return SlotTakenError.of();
    return ValidationError.of("startsAt", "That time is not offered; choose one of the free times");
  }
  // The least busy free host first, in the type's order on a tie.
  const load = new Map(schedules.map((schedule) => [schedule.staffId, schedule.busy.length]));
  const candidates = [...slot.hostStaffIds].sort((a, b) => load.get(a)! - load.get(b)!);
  for (let attempt = 0, index = 0; index < candidates.length; attempt++) {
    const hostStaffId = candidates[index]!;
    try {
      const outcome = await em.transactional(async (tx) => {
        const bookingId = randomUUID();
        const booking = tx.create(BookingRow, {
          id: bookingId,
          businessId: type.businessId,
          typeId: type.id,
          typeName: type.name,
          hostStaffId,
          contactId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          blockedFrom: new Date(slot.startsAt.getTime() - type.bufferBeforeMinutes * 60_000),
          blockedUntil: new Date(slot.endsAt.getTime() + type.bufferAfterMinutes * 60_000),
          status: "BOOKED",
          locationKind: type.locationKind,
          locationValue: type.locationValue,
          clientTimeZone: input.clientTimeZone || (await hostZoneOf(tx, type.businessId, hostStaffId)),
          changeNoticeMinutes: type.changeNoticeMinutes,
          bookedBy,
          icsUid: `appointment-${bookingId}@client-portal`,
          icsSequence: 0,
        } as BookingRow);
        await tx.flush();
        if (booking.startsAt.getTime() > now.getTime()) {
          const who = await partiesOf(tx, booking);
          if (who instanceof AppointmentStateError) throw new Refused(who);
          await publishBookingConfirmed(tx, booking, who, clientRules ? undefined : (input.inviteToPortal ?? true));
          await scheduleReminders(tx, booking, type.reminderMinutesBefore, now);
        }
        return booking;
      });
      return outcome;
    } catch (error) {
      if (error instanceof Refused) return error.failure;
      em.clear();
      if (isDeadlock(error) && attempt < DEADLOCK_RETRIES) continue; // the same host again
      if (!isSlotTaken(error)) throw error;
      index++;
    }
  }
  return SlotTakenError.of();
}

async function hostZoneOf(em: EntityManager, businessId: string, staffId: string): Promise<string> {
  const [row] = await sql<{ time_zone: string }>(
    em,
    `select time_zone from appointments.staff_availability where business_id = ? and staff_id = ?`,
    [businessId, staffId],
  );
  return row?.time_zone ?? "UTC";
}

/** The booking if the caller may see it: staff and READ keys any of their business's, a client their own. */
export async function visibleBooking(em: EntityManager, caller: Caller, id: string): Promise<BookingRow | null> {
  if (!caller.businessId || !isUuid(id)) return null;
  const booking = await em.findOne(BookingRow, { id });
  if (!booking) return null;
  if (isStaffReader(caller)) return booking;
  return contactIdOf(caller) === booking.contactId ? booking : null;
}

/** The last moment a client may cancel or reschedule online. */
export const changeDeadline = (booking: BookingRow) => new Date(booking.startsAt.getTime() - booking.changeNoticeMinutes * 60_000);

/** Whether the caller may cancel or reschedule it now: staff (WRITE) while it is live, the client until the deadline. */
export function mayChange(caller: Caller, booking: BookingRow, now: Date): boolean {
  if (!LIVE_STATUSES.includes(booking.status)) return false;
  if (contactIdOf(caller) === booking.contactId) return now.getTime() < changeDeadline(booking).getTime();
  return caller.actor.kind === "staff" || (caller.actor.kind === "apiKey" && Boolean(caller.actor.scopes?.includes("write")));
}

/** The client's refusal past the deadline: until when, in their zone, and whom to contact. */
async function tooLate(em: EntityManager, booking: BookingRow): Promise<TooLateToChangeError> {
  const deadline = changeDeadline(booking);
  const host = await em.findOne(KnownStaff, { staffId: booking.hostStaffId });
  const business = await em.findOne(KnownBusiness, { businessId: booking.businessId });
  const zone = isTimeZone(booking.clientTimeZone) ? booking.clientTimeZone : "UTC";
  const text = DateTime.fromJSDate(deadline, { zone }).toFormat("cccc d LLLL yyyy, HH:mm ZZZZ");
  return TooLateToChangeError.of(
    deadline,
    `${text} (${zone})`,
    host && !host.removed ? host.name : (business?.displayName ?? "the business"),
    host && !host.removed ? host.email : "",
    business?.displayName || business?.name || "the business",
  );
}

async function liveForChange(em: EntityManager, caller: Caller, id: string, now: Date) {
  const booking = await visibleBooking(em, caller, id);
  if (!booking) return NotFoundError.of("No such appointment");
  if (!LIVE_STATUSES.includes(booking.status)) return AppointmentStateError.of("This appointment is no longer booked");
  const client = contactIdOf(caller) === booking.contactId;
  if (client && now.getTime() >= changeDeadline(booking).getTime()) return tooLate(em, booking);
  return { booking, by: (client ? "CLIENT" : "STAFF") as Actor };
}

/**
 * Moves a booking to another free time: same id and iCalendar UID, a higher sequence. The host stays
 * when free then, else another free host of the type takes it. Pending reminders are replaced.
 */
export async function reschedule(
  em: EntityManager,
  caller: Caller,
  id: string,
  startsAt: Date,
  now: Date,
): Promise<BookingRow | BookFailure | TooLateToChangeError> {
  const found = await liveForChange(em, caller, id, now);
  if (!("booking" in found)) return found;
  const { booking, by } = found;
  if (Number.isNaN(startsAt.getTime())) return ValidationError.of("startsAt", "Give the new start time");
  if (startsAt.getTime() === booking.startsAt.getTime()) return ValidationError.of("startsAt", "The appointment is already at that time");
  const type = await findType(em, booking.typeId);
  if (!type) return NotFoundError.of("No such appointment type");
  const clientRules = by === "CLIENT";
  if (clientRules && !clientMaySee(type)) return AppointmentStateError.of("This appointment can no longer be rescheduled online");
  const hosts = [booking.hostStaffId, ...type.hostStaffIds.filter((staffId) => staffId !== booking.hostStaffId)];
  const end = new Date(startsAt.getTime() + 1);
  const [slot] = await slotsOfType(em, type, hosts, startsAt, end, now, clientRules, booking.id);
  if (!slot || slot.startsAt.getTime() !== startsAt.getTime()) {
    if (await offered(em, type, hosts, startsAt, now, clientRules)) return SlotTakenError.of();
    return ValidationError.of("startsAt", "That time is not offered; choose one of the free times");
  }
  const previousStartsAt = booking.startsAt;
  const candidates = slot.hostStaffIds.includes(booking.hostStaffId)
    ? [booking.hostStaffId, ...slot.hostStaffIds.filter((staffId) => staffId !== booking.hostStaffId)]
    : slot.hostStaffIds;
  for (let attempt = 0, index = 0; index < candidates.length; attempt++) {
    const hostStaffId = candidates[index]!;
    try {
      const outcome = await em.transactional(async (tx) => {
        const row = await tx.findOneOrFail(BookingRow, { id: booking.id }, { refresh: true, lockMode: 4 /* PESSIMISTIC_WRITE */ });
        if (!LIVE_STATUSES.includes(row.status)) return AppointmentStateError.of("This appointment is no longer booked");
        if (row.startsAt.getTime() !== previousStartsAt.getTime())
          return AppointmentStateError.of("This appointment was just changed; reload it");
        Object.assign(row, {
          hostStaffId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          blockedFrom: new Date(slot.startsAt.getTime() - type.bufferBeforeMinutes * 60_000),
          blockedUntil: new Date(slot.endsAt.getTime() + type.bufferAfterMinutes * 60_000),
          status: "RESCHEDULED",
          icsSequence: row.icsSequence + 1,
          updatedAt: new Date(),
        });
        await tx.flush();
        await cancelPendingReminders(tx, row);
        if (row.startsAt.getTime() > now.getTime()) {
          const who = await partiesOf(tx, row);
          if (who instanceof AppointmentStateError) throw new Refused(who);
          await publishBookingRescheduled(tx, row, who, previousStartsAt, by);
          await scheduleReminders(tx, row, type.reminderMinutesBefore, now);
        }
        return row;
      });
      return outcome;
    } catch (error) {
      if (error instanceof Refused) return error.failure;
      em.clear();
      if (isDeadlock(error) && attempt < DEADLOCK_RETRIES) continue; // the same host again
      if (!isSlotTaken(error)) throw error;
      index++;
    }
  }
  return SlotTakenError.of();
}

/** Cancels a booking (the client until the deadline, staff always): a higher sequence, reminders removed, both parties told. */
export async function cancel(
  em: EntityManager,
  caller: Caller,
  id: string,
  reason: string | null | undefined,
  now: Date,
): Promise<BookingRow | BookFailure | TooLateToChangeError> {
  const text = (reason ?? "").trim();
  if (text.length > 2000) return ValidationError.of("reason", "The reason is at most 2000 characters");
  const found = await liveForChange(em, caller, id, now);
  if (!("booking" in found)) return found;
  const { booking, by } = found;
  return em
    .transactional(async (tx): Promise<BookingRow | AppointmentStateError> => {
      const row = await tx.findOneOrFail(BookingRow, { id: booking.id }, { refresh: true, lockMode: 4 /* PESSIMISTIC_WRITE */ });
      if (!LIVE_STATUSES.includes(row.status)) return AppointmentStateError.of("This appointment is no longer booked");
      Object.assign(row, {
        status: "CANCELLED",
        cancelledBy: by,
        cancelReason: text,
        cancelledAt: now,
        icsSequence: row.icsSequence + 1,
        updatedAt: new Date(),
      });
      await tx.flush();
      await cancelPendingReminders(tx, row);
      if (row.startsAt.getTime() > now.getTime()) {
        const who = await partiesOf(tx, row);
        if (who instanceof AppointmentStateError) return who;
        await publishBookingCancelled(tx, row, who);
      }
      return row;
    })
    .catch((error) => {
      if (error instanceof Refused) return error.failure;
      throw error;
    });
}

/** Staff: how it went, once it started (completed or no-show; either may be corrected). */
export async function markOutcome(
  em: EntityManager,
  caller: Caller,
  id: string,
  status: "COMPLETED" | "NO_SHOW",
  now: Date,
): Promise<BookingRow | NotFoundError | AppointmentStateError> {
  const booking = await visibleBooking(em, caller, id);
  if (!booking) return NotFoundError.of("No such appointment");
  if (booking.status === "CANCELLED") return AppointmentStateError.of("This appointment was cancelled");
  if (booking.startsAt.getTime() > now.getTime()) return AppointmentStateError.of("This appointment has not started yet");
  booking.status = status;
  booking.updatedAt = new Date();
  await em.flush();
  return booking;
}

/** A client's own appointments: upcoming (live, not ended; soonest first) or past (ended or cancelled; latest first). */
export async function listMine(
  em: EntityManager,
  contactId: string,
  when: "UPCOMING" | "PAST",
  args: PageArgs,
  now: Date,
): Promise<Connection<BookingRow>> {
  const where =
    when === "UPCOMING"
      ? { contactId, status: { $in: LIVE_STATUSES }, endsAt: { $gt: now } }
      : { contactId, $or: [{ endsAt: { $lte: now } }, { status: { $nin: LIVE_STATUSES } }] };
  return findPage(em, BookingRow, where, "startsAt", args, when === "UPCOMING" ? "asc" : "desc");
}

/** Staff: bookings starting in [from, to), optionally one host's, cancelled ones included; by start. */
export async function listAgenda(
  em: EntityManager,
  args: PageArgs & { from: Date; to: Date; hostStaffId?: string | null },
): Promise<Connection<BookingRow>> {
  if (!(args.to.getTime() > args.from.getTime())) throw badRequest("`to` must be after `from`");
  const where: Record<string, unknown> = { startsAt: { $gte: args.from, $lt: args.to } };
  if (args.hostStaffId) where.hostStaffId = isUuid(args.hostStaffId) ? args.hostStaffId : "00000000-0000-0000-0000-000000000000";
  return findPage(em, BookingRow, where, "startsAt", args);
}
