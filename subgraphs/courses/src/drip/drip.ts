import type { DripKindValue } from "../shared/enums.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Drip {
  dripKind: DripKindValue;
  dripDays: number | null;
  dripDate: Date | null;
}

/** When a drip setting opens for a student enrolled at `enrolledAt`; null when it does not drip. */
export function dripOpensAt(drip: Drip, enrolledAt: Date): Date | null {
  if (drip.dripKind === "after_days" && drip.dripDays !== null) return new Date(enrolledAt.getTime() + drip.dripDays * DAY_MS);
  if (drip.dripKind === "on_date" && drip.dripDate) return drip.dripDate;
  return null;
}

/** The later of two opening times (a lesson opens no earlier than its module). */
export function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
