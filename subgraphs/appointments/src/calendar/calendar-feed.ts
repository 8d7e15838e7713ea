import { createHmac } from "node:crypto";
import {
  type Caller,
  type EntityManager,
  type FileHandler,
  type FileResponse,
  KnownBusiness,
  KnownContact,
  KnownStaff,
  safeEqual,
  secretsAccepted,
  sql,
} from "@portal/kit";
import { CalendarFeedRow } from "../bookings/booking.entity.js";
import { adminAppointmentLink, appointmentLink } from "../events/booking-events.js";
import { contactIdOf, staffIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { feedIcs, type IcsEvent } from "./ics.js";

type Owner = { kind: "contact" | "staff"; id: string };

/** A feed belongs to a signed-in client or team member (API keys have no calendar). */
export function feedOwnerOf(caller: Caller): Owner | null {
  const contactId = contactIdOf(caller);
  if (contactId) return { kind: "contact", id: contactId };
  const staffId = staffIdOf(caller);
  return staffId ? { kind: "staff", id: staffId } : null;
}

/** The feed's secret: derived from the platform secret, the feed and its version, so nothing secret is stored. */
export const feedToken = (secret: string, feedId: string, version: number) =>
  createHmac("sha256", secret).update(`appointments.calendar-feed:${feedId}:${version}`).digest("hex");

/** The owner's feed, made on first ask. */
export async function feedOf(em: EntityManager, businessId: string, owner: Owner): Promise<CalendarFeedRow> {
  await sql(
    em,
    `insert into appointments.calendar_feed (business_id, owner_kind, owner_id) values (?, ?, ?)
     on conflict (business_id, owner_kind, owner_id) do nothing`,
    [businessId, owner.kind, owner.id],
  );
  return em.findOneOrFail(CalendarFeedRow, { ownerKind: owner.kind, ownerId: owner.id }, { refresh: true });
}

/** A new secret URL: the version goes up, so the old URL stops working. */
export async function resetFeed(em: EntityManager, businessId: string, owner: Owner): Promise<CalendarFeedRow> {
  const feed = await feedOf(em, businessId, owner);
  await sql(em, `update appointments.calendar_feed set version = version + 1 where id = ? and business_id = ?`, [feed.id, businessId]);
  return em.findOneOrFail(CalendarFeedRow, { id: feed.id }, { refresh: true });
}

/** `<portalUrl>/files/appointments/calendar/<feedId>/<token>.ics`, on the business's configured portal address. */
export async function feedUrl(em: EntityManager, secret: string, feed: CalendarFeedRow): Promise<string> {
  const business = await em.findOne(KnownBusiness, { businessId: feed.businessId });
  const base = (business?.portalUrl ?? "").replace(/\/$/, "");
  return `${base}/files/appointments/calendar/${feed.id}/${feedToken(secret, feed.id, feed.version)}.ics`;
}

const NOT_FOUND: FileResponse = { status: 404, contentType: "application/json", body: Buffer.from(JSON.stringify({ error: "not found" })) };
const FEED_PATH = /^([0-9a-f-]{36})\/([0-9a-f]{64})\.ics$/i;

interface FeedBooking {
  id: string;
  business_id: string;
  type_name: string;
  host_staff_id: string;
  contact_id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  location_kind: string;
  location_value: string;
  ics_uid: string;
  ics_sequence: number;
}

/**
 * `GET calendar/<feedId>/<token>.ics`: the subscribed calendar, for anyone holding the URL (calendar
 * apps send no cookie), in the business the host names only. A client's feed holds their bookings, a
 * staff member's the bookings they host, from 90 days back; cancelled ones are marked so calendars
 * drop them. A wrong token, an old version, another business's feed or a removed owner: 404.
 */
export function calendarFeedHandler(secret: string): FileHandler {
  return async ({ caller, path, em, method }) => {
    if (method === "POST" || !caller.businessId) return NOT_FOUND;
    const match = FEED_PATH.exec(path);
    if (!match || !isUuid(match[1])) return NOT_FOUND;
    const feed = await em.findOne(CalendarFeedRow, { id: match[1]! });
    // During a PORTAL_SECRET rotation the URL made with the previous secret still works (afterwards the
    // portal shows the new one, which the client subscribes to again).
    const token = match[2]!.toLowerCase();
    if (!feed || !secretsAccepted(secret).some((accepted) => safeEqual(token, feedToken(accepted, feed.id, feed.version))))
      return NOT_FOUND;
    const business = await em.findOne(KnownBusiness, { businessId: feed.businessId });
    if (!business) return NOT_FOUND;
    let ownerName: string;
    if (feed.ownerKind === "contact") {
      const contact = await em.findOne(KnownContact, { contactId: feed.ownerId });
      if (!contact || contact.accessStatus === "REVOKED") return NOT_FOUND;
      ownerName = contact.name;
    } else {
      const staff = await em.findOne(KnownStaff, { staffId: feed.ownerId });
      if (!staff || staff.removed) return NOT_FOUND;
      ownerName = staff.name;
    }
    const rows = await sql<FeedBooking>(
      em,
      `select id, business_id, type_name, host_staff_id, contact_id, starts_at, ends_at, status, location_kind, location_value, ics_uid, ics_sequence
       from appointments.booking
       where business_id = ? and ${feed.ownerKind === "contact" ? "contact_id" : "host_staff_id"} = ? and ends_at > now() - interval '90 days'
       order by starts_at limit 2000`,
      [feed.businessId, feed.ownerId],
    );
    const names = new Map<string, string>();
    const otherIds = [...new Set(rows.map((row) => (feed.ownerKind === "contact" ? row.host_staff_id : row.contact_id)))];
    if (feed.ownerKind === "contact")
      for (const staff of otherIds.length ? await em.find(KnownStaff, { staffId: { $in: otherIds } }) : [])
        names.set(staff.staffId, staff.name);
    else
      for (const contact of otherIds.length ? await em.find(KnownContact, { contactId: { $in: otherIds } }) : [])
        names.set(contact.contactId, contact.name);
    const businessName = business.displayName || business.name;
    const events: IcsEvent[] = rows.map((row) => {
      const booking = {
        icsUid: row.ics_uid,
        icsSequence: row.ics_sequence,
        startsAt: new Date(row.starts_at),
        endsAt: new Date(row.ends_at),
        status: row.status as never,
        typeName: row.type_name,
        locationKind: row.location_kind as never,
        locationValue: row.location_value,
      };
      return feed.ownerKind === "contact"
        ? {
            booking,
            summary: `${row.type_name} with ${businessName}`,
            description: `With ${names.get(row.host_staff_id) ?? businessName}.`,
            url: appointmentLink(business, row.id),
          }
        : {
            booking,
            summary: `${row.type_name}: ${names.get(row.contact_id) ?? "Client"}`,
            description: `${row.type_name} with ${names.get(row.contact_id) ?? "a client"}.`,
            url: adminAppointmentLink(business, row.id),
          };
    });
    const body = feedIcs(
      `${businessName}: ${feed.ownerKind === "contact" ? "my appointments" : `${ownerName}'s appointments`}`,
      events,
      businessName,
    );
    return { status: 200, contentType: "text/calendar; charset=utf-8", body: Buffer.from(body) };
  };
}
