import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type ApiKeyScopeValue = "read" | "write";

/** An integrator's key `cp_<prefix>_<secret>`: the prefix identifies it, only the secret's hash is kept. */
@Entity({ tableName: "api_key" })
@TenantScoped()
export class ApiKey {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text", unique: true })
  prefix!: string;
  @Property({ type: "text" })
  secretHash!: string;
  @Property({ type: "text[]" })
  scopes: ApiKeyScopeValue[] = [];
  @Property({ type: "uuid", nullable: true })
  createdByStaffId: string | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  lastUsedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  revokedAt: Date | null = null;
}
