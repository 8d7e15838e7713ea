import { Entity, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { NotificationTemplateKey } from "./template-key.js";

/** A business's own wording for one email; absent means the built-in default applies. */
@Entity({ tableName: "notification_template" })
@Unique({ properties: ["businessId", "key"] })
@TenantScoped()
export class NotificationTemplate {
  [OptionalProps]?: "id" | "updatedAt";
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  key!: NotificationTemplateKey;
  @Property({ type: "text" })
  subject!: string;
  @Property({ type: "text" })
  body!: string;
  @Property({ type: "datetime" })
  updatedAt: Date = new Date();
}
