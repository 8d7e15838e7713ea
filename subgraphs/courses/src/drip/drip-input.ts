import { ValidationError } from "@portal/kit";
import type { DripKindValue } from "../shared/enums.js";

export interface DripInput {
  kind: string;
  days?: number | null;
  date?: Date | null;
}

/** A drip setting from the API, checked: days 0–3650 for AFTER_DAYS, a date for ON_DATE. */
export function validateDrip(
  input: DripInput | null | undefined,
  field: string,
): { dripKind: DripKindValue; dripDays: number | null; dripDate: Date | null } | ValidationError {
  const kind = (input?.kind ?? "NONE").toLowerCase() as DripKindValue;
  if (kind === "after_days") {
    const days = input?.days;
    if (days == null || !Number.isInteger(days) || days < 0 || days > 3650)
      return ValidationError.of(`${field}.days`, "Give a number of days from 0 to 3650");
    return { dripKind: kind, dripDays: days, dripDate: null };
  }
  if (kind === "on_date") {
    const date = input?.date;
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) return ValidationError.of(`${field}.date`, "Give the date it opens");
    return { dripKind: kind, dripDays: null, dripDate: date };
  }
  return { dripKind: "none", dripDays: null, dripDate: null };
}
