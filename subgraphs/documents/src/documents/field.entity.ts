import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type FieldKindValue = "signature" | "initials" | "date_signed" | "text";

/** A box on a page that one recipient fills; coordinates are fractions of the page from its top-left corner. */
@Entity({ tableName: "field" })
@TenantScoped()
export class DocumentFieldRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  documentId!: string;
  @Property({ type: "uuid" })
  recipientId!: string;
  @Property({ type: "text" })
  kind!: FieldKindValue;
  @Property({ type: "integer" })
  page!: number;
  @Property({ type: "double" })
  x!: number;
  @Property({ type: "double" })
  y!: number;
  @Property({ type: "double" })
  width!: number;
  @Property({ type: "double" })
  height!: number;
  @Property({ type: "text", nullable: true })
  label: string | null = null;
  @Property({ type: "boolean" })
  required = true;
  /** Filled at signing: TEXT from the signer, DATE_SIGNED by the server, INITIALS, typed SIGNATURE. */
  @Property({ type: "text", nullable: true })
  value: string | null = null;
  @Property({ type: "integer" })
  position!: number;
}
