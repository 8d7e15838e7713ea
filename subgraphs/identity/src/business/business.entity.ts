import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";

export const PORTAL_SECTIONS = ["INVOICES", "COURSES", "DOCUMENTS", "COMMUNITIES", "APPOINTMENTS", "AFFILIATES"] as const;
export type PortalSectionKey = (typeof PORTAL_SECTIONS)[number];
export type SectionToggles = Partial<Record<PortalSectionKey, boolean>>;

/** The tenant. Not tenant-scoped itself: every business-owned row points at one of these. */
@Entity({ tableName: "business" })
export class Business {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text", unique: true })
  slug!: string;
  /** Kept unique across businesses by the `business_host_name` table the migration maintains. */
  @Property({ type: "text[]" })
  hostNames: string[] = [];
  @Property({ type: "text" })
  displayName!: string;
  @Property({ type: "text", nullable: true })
  logoUrl: string | null = null;
  @Property({ type: "text" })
  primaryColor!: string;
  @Property({ type: "text" })
  accentColor!: string;
  @Property({ type: "text" })
  welcomeMessage: string = "";
  @Property({ type: "json" })
  sections: SectionToggles = {};
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
