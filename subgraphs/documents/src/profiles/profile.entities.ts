import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** Documents' copy of a business's name and portal URL, from `identity.business.updated`. */
@Entity({ tableName: "business_profile" })
@TenantScoped()
export class BusinessProfile {
  @PrimaryKey({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  displayName!: string;
  @Property({ type: "text" })
  portalUrl!: string;
  /** When identity recorded the snapshot; a late, older snapshot never overwrites a newer one. */
  @Property({ type: "datetime" })
  updatedAt!: Date;
}

/** A contact's name, email and do-not-disturb flag, from `identity.contact.changed`. */
@Entity({ tableName: "contact_profile" })
@TenantScoped()
export class ContactProfile {
  @PrimaryKey({ type: "uuid" })
  contactId!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  firstName!: string;
  @Property({ type: "text" })
  email!: string;
  @Property({ type: "boolean" })
  dnd!: boolean;
  @Property({ type: "datetime" })
  updatedAt!: Date;
}

/** A staff member's name, email and role, from `identity.staff.changed`; removed ones are kept, flagged. */
@Entity({ tableName: "staff_profile" })
@TenantScoped()
export class StaffProfile {
  @PrimaryKey({ type: "uuid" })
  staffId!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  email!: string;
  @Property({ type: "text" })
  role!: string;
  @Property({ type: "boolean" })
  removed!: boolean;
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
