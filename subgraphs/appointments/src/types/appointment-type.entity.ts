import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type LocationKind = "ADDRESS" | "PHONE" | "VIDEO";

/** A kind of appointment a business offers: how long, where, with whom, and its booking rules. */
@Entity({ tableName: "appointment_type" })
@TenantScoped()
export class AppointmentTypeRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  description = "";
  @Property({ type: "integer" })
  durationMinutes!: number;
  @Property({ type: "text" })
  locationKind!: LocationKind;
  @Property({ type: "text" })
  locationValue!: string;
  /** Staff members who may host it, in the order staff listed them. */
  @Property({ type: "json" })
  hostStaffIds: string[] = [];
  @Property({ type: "integer" })
  bufferBeforeMinutes = 0;
  @Property({ type: "integer" })
  bufferAfterMinutes = 0;
  @Property({ type: "integer" })
  minimumNoticeMinutes = 0;
  @Property({ type: "integer" })
  bookingWindowDays = 60;
  @Property({ type: "integer" })
  changeNoticeMinutes = 1440;
  @Property({ type: "boolean" })
  clientBookable = true;
  @Property({ type: "json" })
  reminderMinutesBefore: number[] = [1440, 60];
  @Property({ type: "datetime", nullable: true })
  archivedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}
