import {
  type Caller,
  type Connection,
  CURRENT_STAFF,
  type EntityManager,
  findPage,
  findRefs,
  isStaffReader,
  NotFoundError,
  type PageArgs,
  ValidationError,
} from "@portal/kit";
import { isUuid } from "../shared/ids.js";
import { AppointmentTypeRow, type LocationKind } from "./appointment-type.entity.js";

export interface AppointmentTypeInput {
  name: string;
  description?: string | null;
  durationMinutes: number;
  location: { kind: LocationKind; value: string };
  hostStaffIds: string[];
  bufferBeforeMinutes?: number | null;
  bufferAfterMinutes?: number | null;
  minimumNoticeMinutes?: number | null;
  bookingWindowDays?: number | null;
  changeNoticeMinutes?: number | null;
  clientBookable?: boolean | null;
  reminderMinutesBefore?: number[] | null;
}

const between = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;

/** Checks and normalises a type's settings; hosts must be current team members of the business. */
async function validate(em: EntityManager, input: AppointmentTypeInput) {
  const name = input.name.trim();
  if (!name || name.length > 200) return ValidationError.of("name", "Give the appointment type a name of 1–200 characters");
  const description = (input.description ?? "").trim();
  if (description.length > 5000) return ValidationError.of("description", "The description is at most 5000 characters");
  if (!between(input.durationMinutes, 5, 1440)) return ValidationError.of("durationMinutes", "The duration is 5 minutes to 24 hours");
  const location = input.location.value.trim();
  if (!location || location.length > 500)
    return ValidationError.of("location.value", "Give the address, phone number or link (1–500 characters)");
  if (input.location.kind === "VIDEO") {
    let url: URL | null = null;
    try {
      url = new URL(location);
    } catch {
      url = null;
    }
    if (url?.protocol !== "https:") return ValidationError.of("location.value", "Give the video meeting's https:// link");
  }
  const hostIds = [...new Set(input.hostStaffIds)];
  if (hostIds.length === 0 || hostIds.length > 20) return ValidationError.of("hostStaffIds", "Choose 1–20 hosts from the team");
  const found = await findRefs(em, Object.fromEntries(hostIds.map((id, index) => [`hostStaffIds.${index}`, [CURRENT_STAFF, id] as const])));
  if (found instanceof ValidationError) return found;
  const numbers = {
    bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
    minimumNoticeMinutes: input.minimumNoticeMinutes ?? 120,
    bookingWindowDays: input.bookingWindowDays ?? 60,
    changeNoticeMinutes: input.changeNoticeMinutes ?? 1440,
  };
  if (!between(numbers.bufferBeforeMinutes, 0, 1440)) return ValidationError.of("bufferBeforeMinutes", "A buffer is 0 minutes to 24 hours");
  if (!between(numbers.bufferAfterMinutes, 0, 1440)) return ValidationError.of("bufferAfterMinutes", "A buffer is 0 minutes to 24 hours");
  if (!between(numbers.minimumNoticeMinutes, 0, 525_600))
    return ValidationError.of("minimumNoticeMinutes", "The minimum notice is 0 minutes to a year");
  if (!between(numbers.bookingWindowDays, 1, 730)) return ValidationError.of("bookingWindowDays", "Clients may book 1 to 730 days ahead");
  if (!between(numbers.changeNoticeMinutes, 0, 525_600))
    return ValidationError.of("changeNoticeMinutes", "The notice to cancel or reschedule is 0 minutes to a year");
  const reminders = [...new Set(input.reminderMinutesBefore ?? [1440, 60])].sort((a, b) => b - a);
  if (reminders.length > 5) return ValidationError.of("reminderMinutesBefore", "At most 5 reminders");
  if (reminders.some((minutes) => !between(minutes, 1, 43_200)))
    return ValidationError.of("reminderMinutesBefore", "A reminder is 1 minute to 30 days before the start");
  return {
    name,
    description,
    durationMinutes: input.durationMinutes,
    locationKind: input.location.kind,
    locationValue: location,
    hostStaffIds: hostIds,
    ...numbers,
    clientBookable: input.clientBookable ?? true,
    reminderMinutesBefore: reminders,
  };
}

export async function findType(em: EntityManager, id: string): Promise<AppointmentTypeRow | null> {
  return isUuid(id) ? em.findOne(AppointmentTypeRow, { id }) : null;
}

/** What a client may see and book: offered to clients and not archived. */
export const clientMaySee = (type: AppointmentTypeRow) => type.clientBookable && !type.archivedAt;

/** The type if the caller may see it: staff and READ keys any of their business's, a client only a bookable one. */
export async function visibleType(em: EntityManager, caller: Caller, id: string): Promise<AppointmentTypeRow | null> {
  if (!caller.businessId) return null;
  const type = await findType(em, id);
  if (!type) return null;
  if (isStaffReader(caller)) return type;
  return caller.actor.kind === "contact" && clientMaySee(type) ? type : null;
}

export async function createType(em: EntityManager, businessId: string, input: AppointmentTypeInput) {
  const valid = await validate(em, input);
  if (valid instanceof ValidationError) return valid;
  const type = em.create(AppointmentTypeRow, { businessId, ...valid } as AppointmentTypeRow);
  await em.flush();
  return type;
}

export async function updateType(em: EntityManager, id: string, input: AppointmentTypeInput) {
  const type = await findType(em, id);
  if (!type) return NotFoundError.of("No such appointment type");
  const valid = await validate(em, input);
  if (valid instanceof ValidationError) return valid;
  Object.assign(type, valid, { updatedAt: new Date() });
  await em.flush();
  return type;
}

/** Archived types take no new bookings and are hidden from clients; their bookings stay. */
export async function setArchived(em: EntityManager, id: string, archived: boolean) {
  const type = await findType(em, id);
  if (!type) return NotFoundError.of("No such appointment type");
  type.archivedAt = archived ? (type.archivedAt ?? new Date()) : null;
  type.updatedAt = new Date();
  await em.flush();
  return type;
}

/** Staff: every type (archived ones when asked); a client: the bookable ones. By name. */
export async function listTypes(
  em: EntityManager,
  caller: Caller,
  args: PageArgs & { includeArchived?: boolean | null },
): Promise<Connection<AppointmentTypeRow>> {
  const where: Record<string, unknown> = {};
  if (!isStaffReader(caller)) Object.assign(where, { clientBookable: true, archivedAt: null });
  else if (!args.includeArchived) where.archivedAt = null;
  return findPage(em, AppointmentTypeRow, where, "name", args);
}
