import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type TokenPurpose = "sign_in" | "invitation" | "email_change";
export type Audience = "client" | "staff" | "operator";

/**
 * A one-time link. Only the SHA-256 of the random token is stored, so a database leak yields no
 * usable link. Operator tokens have no business.
 */
@Entity({ tableName: "sign_in_token" })
@TenantScoped()
export class SignInToken {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "text", unique: true })
  tokenHash!: string;
  @Property({ type: "text" })
  purpose!: TokenPurpose;
  @Property({ type: "text" })
  audience!: Audience;
  @Property({ type: "uuid", nullable: true })
  businessId: string | null = null;
  @Property({ type: "uuid", nullable: true })
  contactId: string | null = null;
  @Property({ type: "uuid", nullable: true })
  staffId: string | null = null;
  @Property({ type: "uuid", nullable: true })
  operatorId: string | null = null;
  @Property({ type: "text", nullable: true })
  newEmail: string | null = null;
  @Property({ type: "datetime" })
  expiresAt!: Date;
  @Property({ type: "datetime", nullable: true })
  usedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
