import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { NotificationTemplateKey } from "../templates/template-key.js";

export enum EmailStatus {
  QUEUED = "QUEUED",
  SENT = "SENT",
  SUPPRESSED = "SUPPRESSED",
  FAILED = "FAILED",
}

/** One email the platform meant to send, and what became of it. */
@Entity({ tableName: "email_log" })
@TenantScoped()
export class EmailLog {
  [OptionalProps]?: "reason" | "attempts" | "providerMessageId" | "createdAt" | "sentAt" | "reference";
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  /** Null only for platform operators' own sign-in emails, which belong to no business. */
  @Property({ type: "uuid", nullable: true })
  businessId!: string | null;
  /** The domain event that asked for this email. */
  @Property({ type: "uuid", nullable: true })
  eventId!: string | null;
  /**
   * What the email is about when its producer wants to hear how it ended (e.g. `document:<id>`):
   * reaching SENT, SUPPRESSED or FAILED then publishes `automation.email.finished`.
   */
  @Property({ type: "text", nullable: true })
  reference: string | null = null;
  @Property({ type: "text" })
  recipient!: string;
  @Property({ type: "text" })
  template!: NotificationTemplateKey;
  @Property({ type: "text" })
  subject!: string;
  @Property({ type: "text" })
  status!: EmailStatus;
  @Property({ type: "text", nullable: true })
  reason: string | null = null;
  @Property({ type: "integer" })
  attempts: number = 0;
  @Property({ type: "text", nullable: true })
  providerMessageId: string | null = null;
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  sentAt: Date | null = null;
}
