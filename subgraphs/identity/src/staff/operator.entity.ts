import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";

/** A platform operator: belongs to no business and edits branding and host names of all of them. */
@Entity({ tableName: "operator" })
export class Operator {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  email!: string;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
