import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** What a recipient agreed to and how they signed or approved: kept as evidence. */
@Entity({ tableName: "signature" })
@TenantScoped()
export class SignatureRecord {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  documentId!: string;
  @Property({ type: "uuid" })
  recipientId!: string;
  @Property({ type: "text" })
  action!: "signed" | "approved";
  @Property({ type: "text" })
  consentVersion!: string;
  @Property({ type: "text" })
  consentText!: string;
  @Property({ type: "text", nullable: true })
  method: "drawn" | "typed" | null = null;
  @Property({ type: "text", nullable: true })
  typedName: string | null = null;
  @Property({ type: "blob", nullable: true })
  drawnPng: Buffer | null = null;
  @Property({ type: "text", nullable: true })
  drawnPngSha256: string | null = null;
  @Property({ type: "text", nullable: true })
  initials: string | null = null;
  @Property({ type: "text" })
  ip!: string;
  @Property({ type: "text" })
  userAgent!: string;
  @Property({ type: "datetime" })
  signedAt!: Date;
}
