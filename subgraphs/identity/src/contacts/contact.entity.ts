import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type AccessStatus = "none" | "invited" | "active" | "revoked";

/** A client of a business, and their portal access. Email unique per business, case-insensitive. */
@Entity({ tableName: "contact" })
@TenantScoped()
export class Contact {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  email!: string;
  @Property({ type: "text", nullable: true })
  phone: string | null = null;
  @Property({ type: "boolean" })
  dnd: boolean = false;
  @Property({ type: "text" })
  accessStatus: AccessStatus = "none";
  @Property({ type: "datetime", nullable: true })
  invitedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  lastLoginAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  revokedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
