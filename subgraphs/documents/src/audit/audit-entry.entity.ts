import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type AuditActionValue =
  | "CREATED"
  | "SENT"
  | "VIEWED"
  | "CONSENTED"
  | "SIGNED"
  | "APPROVED"
  | "DECLINED"
  | "COMPLETED"
  | "EMAILED"
  | "REMINDED"
  | "VOIDED"
  | "EXPIRED";

/** One link of a document's hash-chained audit trail; the database refuses UPDATE and DELETE. */
@Entity({ tableName: "audit_entry" })
@TenantScoped()
export class AuditEntry {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  documentId!: string;
  @Property({ type: "integer" })
  sequence!: number;
  @Property({ type: "text" })
  action!: AuditActionValue;
  /** staff, contact, apiKey or system. */
  @Property({ type: "text" })
  actorKind!: string;
  @Property({ type: "text", nullable: true })
  actorId: string | null = null;
  @Property({ type: "text" })
  actorName!: string;
  @Property({ type: "uuid", nullable: true })
  recipientId: string | null = null;
  @Property({ type: "text", nullable: true })
  ip: string | null = null;
  @Property({ type: "text", nullable: true })
  userAgent: string | null = null;
  /** Canonical JSON of the details object. */
  @Property({ type: "text" })
  details = "{}";
  @Property({ type: "datetime" })
  occurredAt!: Date;
  @Property({ type: "text" })
  previousHash!: string;
  @Property({ type: "text" })
  hash!: string;
}
