import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type StaffRoleValue = "owner" | "staff";

/** A member of a business's team; email unique per business (case-insensitive index in the migration). */
@Entity({ tableName: "staff" })
@TenantScoped()
export class Staff {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  email!: string;
  @Property({ type: "text" })
  role: StaffRoleValue = "staff";
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
