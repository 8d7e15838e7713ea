import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A contact's place in a course. Unenrolling keeps the row (and the progress) for a later enrolment. */
@Entity({ tableName: "enrolment" })
@TenantScoped()
export class EnrolmentRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "text" })
  status: "active" | "unenrolled" = "active";
  /** The start of the drip schedule: the first enrolment (enrolling again does not restart it). */
  @Property({ type: "datetime", defaultRaw: "now()" })
  enrolledAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  unenrolledAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  startedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  lastActivityAt: Date | null = null;
  @Property({ type: "uuid", nullable: true })
  lastLessonId: string | null = null;
  @Property({ type: "datetime", nullable: true })
  completedAt: Date | null = null;
  @Property({ type: "text", nullable: true })
  source: string | null = null;
}

/** Staff opened a module or lesson to one student before its drip date (or before a module's quiz). */
@Entity({ tableName: "early_unlock" })
@TenantScoped()
export class EarlyUnlockRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "uuid", nullable: true })
  moduleId: string | null = null;
  @Property({ type: "uuid", nullable: true })
  lessonId: string | null = null;
  @Property({ type: "uuid", nullable: true })
  unlockedBy: string | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
