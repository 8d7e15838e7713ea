import type { CommissionType } from "../shared/enums.js";
import type { ProgrammeRow } from "./programme.entity.js";
import { ProgrammeView } from "./programme.types.js";

export function programmeView(row: ProgrammeRow): ProgrammeView {
  return Object.assign(new ProgrammeView(), {
    enabled: row.enabled,
    commissionType: row.commissionType as CommissionType,
    commissionBasisPoints: row.commissionBasisPoints,
    fixedAmount: row.fixedAmount,
    fixedCurrency: row.fixedCurrency,
    recurringMonths: row.recurringMonths,
    attributionWindowDays: row.attributionWindowDays,
    holdDays: row.holdDays,
    minimumPayout: row.minimumPayout,
    allowedLandingUrls: [...row.allowedLandingUrls],
  });
}
