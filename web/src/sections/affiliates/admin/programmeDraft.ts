import { minorToInput, parseMoney } from "../shared/money";

/** The programme's settings as the API gives them. */
export interface ProgrammeLike {
  enabled: boolean;
  commissionType: "PERCENTAGE" | "FIXED";
  commissionBasisPoints: number;
  fixedAmount: number;
  fixedCurrency: string;
  recurringMonths: number | null;
  attributionWindowDays: number;
  holdDays: number;
  minimumPayout: number;
  allowedLandingUrls: string[];
}

/** The settings form as typed: numbers stay text until saved. */
export interface ProgrammeDraft {
  enabled: boolean;
  commissionType: "PERCENTAGE" | "FIXED";
  percent: string;
  fixedAmount: string;
  fixedCurrency: string;
  recurring: boolean;
  recurringMonths: string;
  attributionWindowDays: string;
  holdDays: string;
  minimumPayout: string;
  allowedLandingUrls: string;
}

/** What the API takes: every field sent; `recurringMonths` 0 means the first payment only. */
export type ProgrammeInput = Omit<ProgrammeLike, "recurringMonths" | "commissionBasisPoints" | "fixedAmount"> & {
  recurringMonths: number;
  /** Left out (unchanged) when the other kind of commission is chosen and this one is not a valid number. */
  commissionBasisPoints?: number;
  fixedAmount?: number;
};

/** A problem with one field, named as the API names it so the server's errors land in the same place. */
export interface DraftProblem {
  field: keyof ProgrammeInput;
  message: string;
}

/** The fields the form shows an error beside. */
export const PROGRAMME_FIELDS: DraftProblem["field"][] = [
  "commissionBasisPoints",
  "fixedAmount",
  "fixedCurrency",
  "recurringMonths",
  "attributionWindowDays",
  "holdDays",
  "minimumPayout",
  "allowedLandingUrls",
];

export function draftFrom(programme: ProgrammeLike): ProgrammeDraft {
  const currency = programme.fixedCurrency || "USD";
  return {
    enabled: programme.enabled,
    commissionType: programme.commissionType,
    percent: String(programme.commissionBasisPoints / 100),
    fixedAmount: minorToInput(programme.fixedAmount, currency),
    fixedCurrency: currency,
    recurring: programme.recurringMonths != null,
    recurringMonths: String(programme.recurringMonths ?? 12),
    attributionWindowDays: String(programme.attributionWindowDays),
    holdDays: String(programme.holdDays),
    minimumPayout: minorToInput(programme.minimumPayout, currency),
    allowedLandingUrls: programme.allowedLandingUrls.join("\n"),
  };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/** Why a landing URL is refused, or null: absolute http(s), no user name or password in it. */
export function landingUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `“${text}” is not a full web address (start it with https://).`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `“${text}” must start with https:// or http://.`;
  if (url.username || url.password) return `“${text}” must not hold a user name or password.`;
  return null;
}

/** The draft as the API's input, or the first field that is wrong. */
export function inputFrom(draft: ProgrammeDraft): { input: ProgrammeInput } | { problem: DraftProblem } {
  const currency = draft.fixedCurrency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { problem: { field: "fixedCurrency", message: "Use a three-letter currency code, e.g. USD." } };
  const percentMinor = parseMoney(draft.percent, "USD");
  if (draft.commissionType === "PERCENTAGE" && (percentMinor == null || percentMinor > 10_000))
    return { problem: { field: "commissionBasisPoints", message: "Give a percentage from 0 to 100, with at most two decimals." } };
  const fixedAmount = parseMoney(draft.fixedAmount || "0", currency);
  if (draft.commissionType === "FIXED" && fixedAmount == null)
    return { problem: { field: "fixedAmount", message: "Give an amount, e.g. 25.00." } };
  const recurringMonths = draft.recurring ? wholeNumber(draft.recurringMonths, 1, 120) : null;
  if (draft.recurring && recurringMonths == null)
    return { problem: { field: "recurringMonths", message: "Give a number of months from 1 to 120." } };
  const attributionWindowDays = wholeNumber(draft.attributionWindowDays, 1, 365);
  if (attributionWindowDays == null)
    return { problem: { field: "attributionWindowDays", message: "Give a number of days from 1 to 365." } };
  const holdDays = wholeNumber(draft.holdDays, 0, 365);
  if (holdDays == null) return { problem: { field: "holdDays", message: "Give a number of days from 0 to 365." } };
  const minimumPayout = parseMoney(draft.minimumPayout || "0", currency);
  if (minimumPayout == null) return { problem: { field: "minimumPayout", message: "Give an amount, e.g. 50.00." } };
  const allowedLandingUrls = [
    ...new Set(
      draft.allowedLandingUrls
        .split(/\s*\n\s*/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
  if (allowedLandingUrls.length > 20) return { problem: { field: "allowedLandingUrls", message: "List at most 20 addresses." } };
  for (const url of allowedLandingUrls) {
    const problem = landingUrlProblem(url);
    if (problem) return { problem: { field: "allowedLandingUrls", message: problem } };
  }
  return {
    input: {
      enabled: draft.enabled,
      commissionType: draft.commissionType,
      // The kind not chosen keeps its value, so switching back finds it as it was.
      commissionBasisPoints: percentMinor != null && percentMinor <= 10_000 ? percentMinor : undefined,
      fixedAmount: fixedAmount ?? undefined,
      fixedCurrency: currency,
      recurringMonths: recurringMonths ?? 0,
      attributionWindowDays,
      holdDays,
      minimumPayout,
      allowedLandingUrls,
    },
  };
}
