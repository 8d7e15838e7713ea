import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type OfferState = "active" | "archived";

/**
 * Something a business sells on a public order page: a price and what it grants (course and
 * community group ids, stored as chosen by staff; courses and communities refuse another business's).
 */
@Entity({ tableName: "offer" })
@TenantScoped()
export class Offer {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  /** Markdown as staff wrote it. */
  @Property({ type: "text" })
  description = "";
  /** Sanitised HTML rendered from `description` when saved. */
  @Property({ type: "text" })
  descriptionHtml = "";
  /** Minor units of `currency`. */
  @Property({ type: "integer" })
  price!: number;
  @Property({ type: "text" })
  currency!: string;
  /** Unique per business; the public page is `<portal>/buy/<slug>`. */
  @Property({ type: "text" })
  slug!: string;
  @Property({ type: "json" })
  courseIds: string[] = [];
  @Property({ type: "json" })
  groupIds: string[] = [];
  @Property({ type: "text" })
  status: OfferState = "active";
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
