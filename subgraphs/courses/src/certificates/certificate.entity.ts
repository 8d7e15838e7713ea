import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** Issued once when a student completes a course with certificates on; names kept as they were on that day. */
@Entity({ tableName: "certificate" })
@TenantScoped()
export class CertificateRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  courseId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "text" })
  code!: string;
  @Property({ type: "text" })
  studentName!: string;
  @Property({ type: "text" })
  courseTitle!: string;
  @Property({ type: "datetime" })
  issuedAt!: Date;
  @Property({ type: "datetime", nullable: true })
  revokedAt: Date | null = null;
}
