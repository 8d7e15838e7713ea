import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type CommissionTypeValue = "PERCENTAGE" | "FIXED";

/** A business's affiliate programme: its terms and the sites affiliates may send visitors to. Made on first change. */
@Entity({ tableName: "programme" })
@TenantScoped()
export class ProgrammeRow {
  @PrimaryKey({ type: "uuid" })
  businessId!: string;
  @Property({ type: "boolean" })
  enabled = false;
  @Property({ type: "text" })
  commissionType: CommissionTypeValue = "PERCENTAGE";
  /** 2000 = 20 %. */
  @Property({ type: "integer" })
  commissionBasisPoints = 2000;
  @Property({ type: "integer" })
  fixedAmount = 0;
  @Property({ type: "text" })
  fixedCurrency = "USD";
  /** Null: only the first conversion earns; N: paid invoices within N months of the first conversion earn too. */
  @Property({ type: "integer", nullable: true })
  recurringMonths: number | null = null;
  @Property({ type: "integer" })
  attributionWindowDays = 30;
  @Property({ type: "integer" })
  holdDays = 30;
  @Property({ type: "integer" })
  minimumPayout = 5000;
  @Property({ type: "json" })
  allowedLandingUrls: string[] = [];
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}

/** The programme as it is before staff first change it. */
export function defaultProgramme(businessId: string): ProgrammeRow {
  return Object.assign(new ProgrammeRow(), { businessId });
}
