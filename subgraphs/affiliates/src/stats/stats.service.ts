import { type EntityManager, sql } from "@portal/kit";
import { moneyList } from "../shared/money.js";
import { AffiliateDayView, AffiliateStatsView, AffiliateSummaryView } from "./stats.types.js";

interface StatsRow {
  earnings_currency: string | null;
  earnings: unknown;
  days: { date: string; clicks: number; referrals: number; conversions: number; earnings: number }[];
}

/**
 * Totals and the daily series over the last `days` days (UTC), in one statement whatever the number
 * of clicks, referrals or commissions. Daily earnings are in the currency the affiliate earned most in.
 */
export async function statsOf(em: EntityManager, businessId: string, affiliateId: string, days: number): Promise<AffiliateStatsView> {
  const span = Math.min(Math.max(Math.trunc(days), 1), 366);
  const [row] = await sql<StatsRow>(
    em,
    `with period as (select (current_date - (?::int - 1)) as since),
     series as (select generate_series((select since from period), current_date, interval '1 day')::date as day),
     clicks as (
       select c.day, count(*)::int as n from affiliates.click c join affiliates.referral_link l on l.id = c.link_id
       where c.business_id = ? and l.affiliate_id = ? and c.day >= (select since from period) group by c.day),
     refs as (
       select (referred_at at time zone 'UTC')::date as day, count(*)::int as n from affiliates.referral
       where business_id = ? and affiliate_id = ? and referred_at >= (select since from period)::timestamp at time zone 'UTC' group by 1),
     lines as (
       select (created_at at time zone 'UTC')::date as day, kind, currency, amount from affiliates.commission
       where business_id = ? and affiliate_id = ? and status <> 'CANCELLED' and created_at >= (select since from period)::timestamp at time zone 'UTC'),
     main as (select currency from lines group by currency order by sum(amount) desc, currency limit 1),
     daily as (
       select s.day, coalesce(cl.n, 0) as clicks, coalesce(rf.n, 0) as referrals,
         (select count(*)::int from lines x where x.day = s.day and x.kind = 'COMMISSION') as conversions,
         (select coalesce(sum(x.amount), 0)::bigint from lines x where x.day = s.day and x.currency = (select currency from main)) as earnings
       from series s left join clicks cl on cl.day = s.day left join refs rf on rf.day = s.day)
     select (select currency from main) as earnings_currency,
       (select coalesce(json_agg(json_build_object('currency', e.currency, 'amount', e.total)), '[]'::json)
          from (select currency, sum(amount)::bigint as total from lines group by currency) e) as earnings,
       (select json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'clicks', d.clicks, 'referrals', d.referrals,
          'conversions', d.conversions, 'earnings', d.earnings) order by d.day) from daily d) as days`,
    [span, businessId, affiliateId, businessId, affiliateId, businessId, affiliateId],
  );
  const series = (row?.days ?? []).map((day) =>
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
    earnings: moneyList(row?.earnings),
    earningsCurrency: row?.earnings_currency ?? null,
    days: series,
  });
}

/** The dashboard card in one statement: whether the contact is an active affiliate, their balances and referrals. */
export async function summaryOf(em: EntityManager, businessId: string, contactId: string): Promise<AffiliateSummaryView> {
  const [row] = await sql<{ status: string; pending: unknown; approved: unknown; referrals: number }>(
    em,
    `select a.status,
       (select coalesce(json_agg(json_build_object('currency', x.currency, 'amount', x.total)), '[]'::json) from (
          select currency, sum(amount)::bigint as total from affiliates.commission
          where business_id = a.business_id and affiliate_id = a.id and status = 'PENDING' group by currency) x) as pending,
       (select coalesce(json_agg(json_build_object('currency', x.currency, 'amount', x.total)), '[]'::json) from (
          select currency, sum(amount)::bigint as total from affiliates.commission
          where business_id = a.business_id and affiliate_id = a.id and status = 'APPROVED' group by currency) x) as approved,
       (select count(*)::int from affiliates.referral r where r.business_id = a.business_id and r.affiliate_id = a.id) as referrals
     from affiliates.affiliate a where a.business_id = ? and a.contact_id = ?`,
    [businessId, contactId],
  );
  return Object.assign(new AffiliateSummaryView(), {
    isAffiliate: row?.status === "ACTIVE",
    pending: row?.status === "ACTIVE" ? moneyList(row.pending) : [],
    approved: row?.status === "ACTIVE" ? moneyList(row.approved) : [],
    referrals: row?.status === "ACTIVE" ? Number(row.referrals) : 0,
  });
}
