import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { DripKindValue, LessonKindValue, VideoProviderValue } from "../shared/enums.js";

/** One lesson of a module: a video, a text, downloads or a quiz. */
@Entity({ tableName: "lesson" })
@TenantScoped()
export class LessonRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid" })
  moduleId!: string;
  @Property({ type: "text" })
  title!: string;
  @Property({ type: "text" })
  kind!: LessonKindValue;
  @Property({ type: "integer" })
  position!: number;
  @Property({ type: "text" })
  dripKind: DripKindValue = "none";
  @Property({ type: "integer", nullable: true })
  dripDays: number | null = null;
  @Property({ type: "datetime", nullable: true })
  dripDate: Date | null = null;
  @Property({ type: "text", nullable: true })
  videoUrl: string | null = null;
  @Property({ type: "text", nullable: true })
  videoProvider: VideoProviderValue | null = null;
  /** Markdown as staff wrote it (a text lesson's content; notes under a video or downloads). */
  @Property({ type: "text" })
  body = "";
  /** The Markdown rendered and sanitised on the server: the only HTML ever sent. */
  @Property({ type: "text" })
  bodyHtml = "";
  @Property({ type: "integer" })
  passMarkPercent = 70;
  @Property({ type: "boolean" })
  retriesAllowed = true;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}

/** A file of a download lesson, or a course's cover image. The bytes are read only when served. */
@Entity({ tableName: "course_file" })
@TenantScoped()
export class CourseFileRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid", nullable: true })
  lessonId: string | null = null;
  @Property({ type: "text" })
  purpose!: "cover" | "download";
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  contentType!: string;
  @Property({ type: "integer" })
  size!: number;
  @Property({ type: "integer" })
  position = 0;
  @Property({ type: "blob", lazy: true })
  bytes!: Buffer;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
