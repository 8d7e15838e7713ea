import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "../db.js";

/*
 * A subgraph's copies of identity's businesses, contacts and team members, kept from identity's
 * snapshots (`identity.business.updated`, `identity.contact.changed`, `identity.staff.changed` and
 * the catch-up answers). Each row is the whole snapshot as identity last published it; `updatedAt`
 * is when identity recorded it, so an older snapshot arriving late never overwrites a newer one.
 * The tables live in the mounting subgraph's own schema (see `withIdentityProjection`).
 */

/** A business's name, branding and portal address. */
@Entity({ tableName: "known_business" })
@TenantScoped()
export class KnownBusiness {
  @PrimaryKey({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  slug!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  displayName!: string;
  @Property({ type: "text", nullable: true })
  logoUrl!: string | null;
  @Property({ type: "text" })
  primaryColor!: string;
  @Property({ type: "text" })
  accentColor!: string;
  /** From the business's configuration only: links in emails and PDFs start here. */
  @Property({ type: "text" })
  portalUrl!: string;
  @Property({ type: "datetime" })
  updatedAt!: Date;
}

/** A client of a business: how to address and greet them, and their portal access. */
@Entity({ tableName: "known_contact" })
@Index({ properties: ["businessId"] })
@TenantScoped()
export class KnownContact {
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
  /** Do Not Disturb: no invitations or notifications (a sign-in link they ask for still goes). */
  @Property({ type: "boolean" })
  dnd!: boolean;
  /** Portal access as identity's API names it. */
  @Property({ type: "text" })
  accessStatus!: "NONE" | "INVITED" | "ACTIVE" | "REVOKED";
  @Property({ type: "datetime" })
  updatedAt!: Date;
}

/** A member of a business's team. A removed member keeps their row, flagged, for history (names on past work). */
@Entity({ tableName: "known_staff" })
@Index({ properties: ["businessId"] })
@TenantScoped()
export class KnownStaff {
  @PrimaryKey({ type: "uuid" })
  staffId!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  email!: string;
  /** The API's StaffRole. */
  @Property({ type: "text" })
  role!: "OWNER" | "STAFF";
  @Property({ type: "boolean" })
  removed!: boolean;
  @Property({ type: "datetime" })
  updatedAt!: Date;
}

export const KNOWN_IDENTITY_ENTITIES = [KnownBusiness, KnownContact, KnownStaff];
