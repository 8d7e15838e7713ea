import { type EntityManager, preparedStatement, runPrepared, sql } from "@portal/kit";
import { uuidArray } from "../shared/ids.js";
import { moneyList } from "../shared/money.js";
import { AffiliateDayView, AffiliateStatsView, AffiliateSummaryView } from "./stats.types.js";

interface StatsRow {
  affiliate_id: string;
  earnings_currency: string | null;
  earnings: unknown;
  days: { date: string; clicks: number; referrals: number; conversions: number; earnings: number }[] | null;
}

/**
 * Totals and the daily series over the last `days` days (UTC) of many affiliates, in one statement
 * whatever the number of affiliates, clicks, referrals or commissions. Daily earnings are in the
 * currency each affiliate earned most in over the period.
 */
export async function statsOf(
  em: EntityManager,
  businessId: string,
  affiliateIds: string[],
  days: number,
): Promise<Map<string, AffiliateStatsView>> {
  const span = Math.min(Math.max(Math.trunc(days), 1), 366);
  const ids = uuidArray(affiliateIds);
  const rows = await sql<StatsRow>(
    em,
    `with period as (select (current_date - (?::int - 1)) as since),
     ids as (select unnest(?::uuid[]) as affiliate_id),
     series as (select generate_series((select since from period), current_date, interval '1 day')::date as day),
     clicks as (
       select l.affiliate_id, c.day, count(*)::int as n from affiliates.click c join affiliates.referral_link l on l.id = c.link_id
       where c.business_id = ? and l.affiliate_id = any(?::uuid[]) and c.day >= (select since from period) group by 1, 2),
     refs as (
       select affiliate_id, (referred_at at time zone 'UTC')::date as day, count(*)::int as n from affiliates.referral
       where business_id = ? and affiliate_id = any(?::uuid[]) and referred_at >= (select since from period)::timestamp at time zone 'UTC'
       group by 1, 2),
     lines as (
       select affiliate_id, (created_at at time zone 'UTC')::date as day, kind, currency, amount from affiliates.commission
       where business_id = ? and affiliate_id = any(?::uuid[]) and status <> 'CANCELLED'
         and created_at >= (select since from period)::timestamp at time zone 'UTC'),
     main as (
       select distinct on (affiliate_id) affiliate_id, currency from (
         select affiliate_id, currency, sum(amount) as total from lines group by 1, 2) t
       order by affiliate_id, total desc, currency),
     earned as (
       select x.affiliate_id, x.day, count(*) filter (where x.kind = 'COMMISSION')::int as conversions,
         coalesce(sum(x.amount) filter (where x.currency = m.currency), 0)::bigint as earnings
       from lines x left join main m on m.affiliate_id = x.affiliate_id group by 1, 2),
     daily as (
       select i.affiliate_id, s.day, coalesce(cl.n, 0) as clicks, coalesce(rf.n, 0) as referrals,
         coalesce(e.conversions, 0) as conversions, coalesce(e.earnings, 0) as earnings
       from ids i cross join series s
       left join clicks cl on cl.affiliate_id = i.affiliate_id and cl.day = s.day
       left join refs rf on rf.affiliate_id = i.affiliate_id and rf.day = s.day
       left join earned e on e.affiliate_id = i.affiliate_id and e.day = s.day)
     select i.affiliate_id, (select m.currency from main m where m.affiliate_id = i.affiliate_id) as earnings_currency,
       (select coalesce(json_agg(json_build_object('currency', e.currency, 'amount', e.total)), '[]'::json)
          from (select currency, sum(amount)::bigint as total from lines x where x.affiliate_id = i.affiliate_id group by currency) e) as earnings,
       (select json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'clicks', d.clicks, 'referrals', d.referrals,
          'conversions', d.conversions, 'earnings', d.earnings) order by d.day) from daily d where d.affiliate_id = i.affiliate_id) as days
     from ids i`,
    [span, ids, businessId, ids, businessId, ids, businessId, ids],
  );
  return new Map(rows.map((row) => [row.affiliate_id, statsView(row)]));
}

function statsView(row: StatsRow): AffiliateStatsView {
  const series = (row.days ?? []).map((day) =>
    Object.assign(new AffiliateDayView(), {
      date: day.date,
      clicks: Number(day.clicks),
      referrals: Number(day.referrals),
      conversions: Number(day.conversions),
      earnings: Number(day.earnings),
    }),
  );
  const clicks = series.reduce((sum, day) => sum + day.clicks, 0);
  const conversions = series.reduce((sum, day) => sum + day.conversions, 0);
  return Object.assign(new AffiliateStatsView(), {
    clicks,
    referrals: series.reduce((sum, day) => sum + day.referrals, 0),
    conversions,
    conversionRate: clicks > 0 ? Math.min(1, conversions / clicks) : 0,
    earnings: moneyList(row.earnings),
    earningsCurrency: row.earnings_currency ?? null,
    days: series,
  });
}

/** The contact's affiliate account with its pending and approved commission by currency and its referrals, in one statement. */
const SUMMARY = preparedStatement(
  "affiliates_summary",
  `select a.status,
     (select coalesce(json_agg(json_build_object('currency', x.currency, 'amount', x.total)), '[]'::json) from (
        select currency, sum(amount)::bigint as total from affiliates.commission
        where business_id = a.business_id and affiliate_id = a.id and status = 'PENDING' group by currency) x) as pending,
     (select coalesce(json_agg(json_build_object('currency', x.currency, 'amount', x.total)), '[]'::json) from (
        select currency, sum(amount)::bigint as total from affiliates.commission
        where business_id = a.business_id and affiliate_id = a.id and status = 'APPROVED' group by currency) x) as approved,
     (select count(*)::int from affiliates.referral r where r.business_id = a.business_id and r.affiliate_id = a.id) as referrals
   from affiliates.affiliate a where a.business_id = $1 and a.contact_id = $2`,
);

/** The dashboard card in one statement: whether the contact is an active affiliate, their balances and referrals. */
export async function summaryOf(em: EntityManager, businessId: string, contactId: string): Promise<AffiliateSummaryView> {
  const [row] = await runPrepared<{ status: string; pending: unknown; approved: unknown; referrals: number }>(em, SUMMARY, [
    businessId,
    contactId,
  ]);
  return Object.assign(new AffiliateSummaryView(), {
    isAffiliate: row?.status === "ACTIVE",
    pending: row?.status === "ACTIVE" ? moneyList(row.pending) : [],
    approved: row?.status === "ACTIVE" ? moneyList(row.approved) : [],
    referrals: row?.status === "ACTIVE" ? Number(row.referrals) : 0,
  });
}
