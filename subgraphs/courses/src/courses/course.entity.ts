import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A course of a business: its details, draft or published, and whether completing it earns a certificate. */
@Entity({ tableName: "course" })
@TenantScoped()
export class CourseRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  title!: string;
  @Property({ type: "text" })
  description = "";
  @Property({ type: "text" })
  status: "draft" | "published" = "draft";
  @Property({ type: "boolean" })
  certificateEnabled = false;
  /** Students pass every quiz of a module before the next module opens. */
  @Property({ type: "boolean" })
  requireQuizPass = false;
  @Property({ type: "uuid", nullable: true })
  coverFileId: string | null = null;
  @Property({ type: "datetime", nullable: true })
  publishedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}

/** An ordered part of a course holding lessons; it may drip as a whole. */
@Entity({ tableName: "course_module" })
@TenantScoped()
export class CourseModuleRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "text" })
  title!: string;
  @Property({ type: "integer" })
  position!: number;
  @Property({ type: "text" })
  dripKind: "none" | "after_days" | "on_date" = "none";
  @Property({ type: "integer", nullable: true })
  dripDays: number | null = null;
  @Property({ type: "datetime", nullable: true })
  dripDate: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
