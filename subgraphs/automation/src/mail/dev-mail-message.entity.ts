import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** What the dev mailbox remembers of an attachment. */
export interface DevMailAttachment {
  name: string;
  contentType: string;
  size: number;
}

/** An email kept in PostgreSQL instead of being sent: development has no mail provider. */
@Entity({ tableName: "dev_mail_message" })
@TenantScoped()
export class DevMailMessage {
  [OptionalProps]?: "id" | "createdAt" | "attachments";
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid", nullable: true })
  businessId!: string | null;
  @Property({ type: "text" })
  to!: string;
  @Property({ type: "text" })
  from!: string;
  @Property({ type: "text" })
  subject!: string;
  @Property({ type: "text" })
  html!: string;
  @Property({ type: "text" })
  text!: string;
  @Property({ type: "text" })
  template!: string;
  @Property({ type: "json" })
  attachments: DevMailAttachment[] = [];
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
