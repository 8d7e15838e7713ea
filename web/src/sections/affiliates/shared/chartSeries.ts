import { currencyDigits } from "./money";

/** One day of an affiliate's figures, as the API gives them (earnings in minor units of the main currency). */
export interface AffiliateDayLike {
  date: string;
  clicks: number;
  referrals: number;
  conversions: number;
  earnings: number;
}

const DAY_MS = 86_400_000;

/**
 * Every calendar day from the first to the last given, in order, with zeros on days the API left
 * out: the chart's line and the table then show quiet days instead of skipping them.
 */
export function everyDay(days: readonly AffiliateDayLike[]): AffiliateDayLike[] {
  const valid = days.filter((day) => !Number.isNaN(Date.parse(`${day.date}T00:00:00Z`)));
  if (valid.length === 0) return [];
  const byDate = new Map(valid.map((day) => [day.date, day]));
  const times = valid.map((day) => Date.parse(`${day.date}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const filled: AffiliateDayLike[] = [];
  for (let at = first; at <= last; at += DAY_MS) {
    const date = new Date(at).toISOString().slice(0, 10);
    filled.push(byDate.get(date) ?? { date, clicks: 0, referrals: 0, conversions: 0, earnings: 0 });
  }
  return filled;
}

/**
 * uPlot's columns: x as Unix seconds at UTC midnight, then clicks, referrals, conversions and earnings
 * in the currency's major units (the chart's second axis), in that order.
 */
export function chartColumns(days: readonly AffiliateDayLike[], currency: string): [number[], number[], number[], number[], number[]] {
  const filled = everyDay(days);
  const scale = 10 ** currencyDigits(currency);
  return [
    filled.map((day) => Date.parse(`${day.date}T00:00:00Z`) / 1000),
    filled.map((day) => day.clicks),
    filled.map((day) => day.referrals),
    filled.map((day) => day.conversions),
    filled.map((day) => day.earnings / scale),
  ];
}
