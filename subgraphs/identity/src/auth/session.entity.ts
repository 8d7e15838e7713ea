import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type SessionActorKind = "contact" | "staff" | "operator";

/** A server-side session behind the `portal_session` cookie; the cookie holds the token, we keep its hash. */
@Entity({ tableName: "session" })
@TenantScoped()
export class Session {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "text", unique: true })
  tokenHash!: string;
  @Property({ type: "text" })
  actorKind!: SessionActorKind;
  @Property({ type: "uuid" })
  actorId!: string;
  @Property({ type: "uuid", nullable: true })
  businessId: string | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  lastSeenAt: Date = new Date();
  @Property({ type: "datetime" })
  expiresAt!: Date;
  @Property({ type: "text", nullable: true })
  ip: string | null = null;
  @Property({ type: "text", nullable: true })
  userAgent: string | null = null;
  @Property({ type: "datetime", nullable: true })
  endedAt: Date | null = null;
}
