import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type DocumentState = "draft" | "sent" | "partially_signed" | "completed" | "declined" | "voided" | "expired";
export type SigningOrderValue = "sequential" | "parallel";

/** A page of the uploaded PDF, in PDF points. */
export interface StoredPage {
  number: number;
  width: number;
  height: number;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * A document to sign. The PDF bytes (original and sealed) live in lazy `bytea` columns so that
 * lists and lookups never load them; `document-pdf.ts` reads and writes them on their own.
 */
@Entity({ tableName: "document" })
@TenantScoped()
export class Document {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  title!: string;
  @Property({ type: "text" })
  message = "";
  @Property({ type: "text" })
  status: DocumentState = "draft";
  @Property({ type: "text" })
  signingOrder: SigningOrderValue = "sequential";
  @Property({ type: "text", nullable: true })
  fileName: string | null = null;
  @Property({ type: "integer" })
  pageCount = 0;
  @Property({ type: "json" })
  pages: StoredPage[] = [];
  @Property({ type: "blob", nullable: true, lazy: true })
  originalPdf?: Buffer | null;
  @Property({ type: "text", nullable: true })
  originalSha256: string | null = null;
  @Property({ type: "blob", nullable: true, lazy: true })
  finalPdf?: Buffer | null;
  @Property({ type: "text", nullable: true })
  stampedSha256: string | null = null;
  @Property({ type: "text", nullable: true })
  finalSha256: string | null = null;
  @Property({ type: "datetime", nullable: true })
  expiresAt: Date | null = null;
  @Property({ type: "integer", nullable: true })
  reminderIntervalDays: number | null = null;
  /** Staff member who sent it; null when an API key sent it. */
  @Property({ type: "uuid", nullable: true })
  sentByStaffId: string | null = null;
  /** Portal origin at send time; links fall back to it until identity's business snapshot is known. */
  @Property({ type: "text", nullable: true })
  portalUrl: string | null = null;
  @Property({ type: "datetime", nullable: true })
  sentAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  completedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  declinedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  voidedAt: Date | null = null;
  @Property({ type: "text", nullable: true })
  voidReason: string | null = null;
  @Property({ type: "datetime", nullable: true })
  expiredAt: Date | null = null;
  /** Newest audit entry: deleting it from the trail is detected against these. */
  @Property({ type: "integer" })
  auditHeadSequence = 0;
  @Property({ type: "text" })
  auditHeadHash: string = GENESIS_HASH;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}

export const OPEN_STATES: DocumentState[] = ["sent", "partially_signed"];
export const isOpen = (document: Pick<Document, "status">) => OPEN_STATES.includes(document.status);
