import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** This subgraph's copy of a contact's name, address and DND, kept from `identity.contact.changed`. */
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
  /** Portal access as identity's API names it: NONE, INVITED, ACTIVE or REVOKED. */
  @Property({ type: "text" })
  accessStatus!: string;
  /** When identity recorded the snapshot; older snapshots arriving late never overwrite newer ones. */
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
