import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { LocationKind } from "../types/appointment-type.entity.js";

export type BookingStatus = "BOOKED" | "RESCHEDULED" | "CANCELLED" | "COMPLETED" | "NO_SHOW";
export type Actor = "CLIENT" | "STAFF";

/** A booked appointment: its time, host, client, and what it was booked as (name and place kept as on the day). */
@Entity({ tableName: "booking" })
@TenantScoped()
export class BookingRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  typeId!: string;
  @Property({ type: "text" })
  typeName!: string;
  @Property({ type: "uuid" })
  hostStaffId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "datetime" })
  startsAt!: Date;
  @Property({ type: "datetime" })
  endsAt!: Date;
  /** The start less the type's buffer before: no other booking of the host may reach into it. */
  @Property({ type: "datetime" })
  blockedFrom!: Date;
  /** The end plus the type's buffer after. */
  @Property({ type: "datetime" })
  blockedUntil!: Date;
  @Property({ type: "text" })
  status: BookingStatus = "BOOKED";
  @Property({ type: "text" })
  locationKind!: LocationKind;
  @Property({ type: "text" })
  locationValue!: string;
  @Property({ type: "text" })
  clientTimeZone!: string;
  /** The type's notice to cancel or reschedule when booked. */
  @Property({ type: "integer" })
  changeNoticeMinutes!: number;
  @Property({ type: "text" })
  bookedBy!: Actor;
  @Property({ type: "text", nullable: true })
  cancelledBy: Actor | null = null;
  @Property({ type: "text", nullable: true })
  cancelReason: string | null = null;
  @Property({ type: "datetime", nullable: true })
  cancelledAt: Date | null = null;
  @Property({ type: "text" })
  icsUid!: string;
  @Property({ type: "integer" })
  icsSequence = 0;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}

/** A client's or staff member's secret calendar feed; its token is derived, never stored. */
@Entity({ tableName: "calendar_feed" })
@TenantScoped()
export class CalendarFeedRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  ownerKind!: "contact" | "staff";
  @Property({ type: "uuid" })
  ownerId!: string;
  @Property({ type: "integer" })
  version = 1;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}

export const LIVE_STATUSES: BookingStatus[] = ["BOOKED", "RESCHEDULED"];
