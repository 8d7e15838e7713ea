import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** "09:00"–"17:00", local to the staff member's zone; "24:00" ends at midnight. */
export interface StoredInterval {
  start: string;
  end: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) and its intervals. */
export interface StoredWeekday {
  weekday: number;
  intervals: StoredInterval[];
}

/** A staff member's weekly hours in their IANA time zone. */
@Entity({ tableName: "staff_availability" })
@TenantScoped()
export class StaffAvailabilityRow {
  @PrimaryKey({ type: "uuid" })
  staffId!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  timeZone!: string;
  @Property({ type: "json" })
  weekly: StoredWeekday[] = [];
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}

/** One day's hours replacing the weekly ones (none: a day off). */
@Entity({ tableName: "date_override" })
@TenantScoped()
export class DateOverrideRow {
  @PrimaryKey({ type: "uuid" })
  staffId!: string;
  @PrimaryKey({ type: "text" })
  date!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "json" })
  intervals: StoredInterval[] = [];
}
