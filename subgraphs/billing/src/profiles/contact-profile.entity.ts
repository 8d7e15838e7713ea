import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** Billing's copy of a contact's name and email, kept from `identity.contact.changed`, for PDFs. */
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
  email!: string;
  /** When identity recorded the snapshot; a late, older snapshot never overwrites a newer one. */
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
