import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type RecipientKindValue = "contact" | "staff";
export type RecipientRoleValue = "signer" | "approver" | "cc";
export type RecipientState = "pending" | "signed" | "approved" | "declined" | "not_required";

/** A party of a document: a contact of the business or one of its staff (counter-signer). */
@Entity({ tableName: "recipient" })
@TenantScoped()
export class Recipient {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  documentId!: string;
  @Property({ type: "text" })
  kind!: RecipientKindValue;
  @Property({ type: "uuid", nullable: true })
  contactId: string | null = null;
  @Property({ type: "uuid", nullable: true })
  staffId: string | null = null;
  /** Name and email when last set or sent; documents' copy of identity's data keeps the current ones. */
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  email!: string;
  @Property({ type: "text" })
  role!: RecipientRoleValue;
  /** 1-based signing order; equal orders act together. */
  @Property({ type: "integer", fieldName: "signing_order" })
  order!: number;
  /** Position in the list staff gave, to break ties of equal orders. */
  @Property({ type: "integer" })
  position!: number;
  @Property({ type: "text" })
  status: RecipientState = "pending";
  /** When their turn began (signature requested); reminders count from here. */
  @Property({ type: "datetime", nullable: true })
  turnStartedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  lastRemindedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  viewedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  signedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  declinedAt: Date | null = null;
  @Property({ type: "text", nullable: true })
  declineReason: string | null = null;
  @Property({ type: "text", nullable: true })
  signatureMethod: "drawn" | "typed" | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}

export const acts = (recipient: Pick<Recipient, "role">) => recipient.role !== "cc";
