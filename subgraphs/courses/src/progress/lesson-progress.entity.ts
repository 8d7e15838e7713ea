import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A student's progress in one lesson; `completedAt` is set once and never cleared. */
@Entity({ tableName: "lesson_progress" })
@TenantScoped()
export class LessonProgressRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid" })
  lessonId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "datetime" })
  openedAt!: Date;
  /** Where the video stopped (resume there). */
  @Property({ type: "double" })
  videoPositionSeconds = 0;
  /** The furthest point watched, in percent. */
  @Property({ type: "integer" })
  videoWatchedPercent = 0;
  @Property({ type: "datetime", nullable: true })
  completedAt: Date | null = null;
}
