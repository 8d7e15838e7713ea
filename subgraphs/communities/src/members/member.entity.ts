import { Entity, PrimaryKey, Property, Unique } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { NotificationLevelValue } from "../shared/enums.js";

/** A contact's membership of a group; removing a member deletes the row (their posts stay). */
@Entity({ tableName: "group_member" })
@Unique({ properties: ["groupId", "contactId"] })
@TenantScoped()
export class GroupMember {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  groupId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "text" })
  notificationLevel: NotificationLevelValue = "replies_and_mentions";
  /** Unread marker: posts created after this are new to the member. */
  @Property({ type: "datetime", defaultRaw: "now()" })
  lastVisitedAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  joinedAt: Date = new Date();
}
