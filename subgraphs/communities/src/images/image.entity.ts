import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { PersonKindValue } from "../shared/enums.js";

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

/**
 * An uploaded image (a post's or a group's cover), checked to be PNG, JPEG or WebP by its bytes.
 * Uploaded to a group first; a post claims it when created or edited (`postId`).
 */
@Entity({ tableName: "image" })
@TenantScoped()
export class CommunityImage {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  groupId!: string;
  @Property({ type: "uuid", nullable: true })
  postId: string | null = null;
  /** Order within the post, from 0. */
  @Property({ type: "integer" })
  position = 0;
  @Property({ type: "text" })
  uploaderKind!: PersonKindValue;
  @Property({ type: "uuid" })
  uploaderId!: string;
  @Property({ type: "text" })
  contentType!: ImageType;
  /** The name the file had, as plain text (never put into HTML). */
  @Property({ type: "text" })
  name = "";
  @Property({ type: "integer" })
  size!: number;
  @Property({ type: "integer" })
  width!: number;
  @Property({ type: "integer" })
  height!: number;
  /** Written on its own (`storeImage`), never loaded with the row. */
  @Property({ type: "blob", lazy: true, nullable: true })
  bytes?: Buffer | null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
