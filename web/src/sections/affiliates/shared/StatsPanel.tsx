import { useId, useState } from "react";
import type { AffiliateStatsFieldsFragment } from "../../../gql/graphql";
import { everyDay } from "./chartSeries";
import { EarningsChart } from "./EarningsChart";
import { formatAmounts, formatMoney, formatRate } from "./money";

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/**
 * An affiliate's totals, then the daily figures twice: a chart for the eye (hidden from screen
 * readers) and the same numbers as a table behind "Show as table".
 */
export function StatsPanel({ stats, days, currency }: { stats: AffiliateStatsFieldsFragment; days: number; currency: string }) {
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const series = everyDay(stats.days);
  return (
    <section className="card" aria-labelledby={headingId} data-testid="affiliate-figures">
      <h2 id={headingId}>Figures for the last {days} days</h2>
      <dl className="aff-figures">
        <div>
          <dt>Clicks</dt>
          <dd data-testid="figure-clicks">{stats.clicks}</dd>
        </div>
        <div>
          <dt>Referrals</dt>
          <dd data-testid="figure-referrals">{stats.referrals}</dd>
        </div>
        <div>
          <dt>Conversions</dt>
          <dd data-testid="figure-conversions">{stats.conversions}</dd>
        </div>
        <div>
          <dt>Conversion rate</dt>
          <dd data-testid="figure-rate">{formatRate(stats.conversionRate)}</dd>
        </div>
        <div>
          <dt>Earnings</dt>
          <dd data-testid="figure-earnings">{formatAmounts(stats.earnings, formatMoney(0, currency))}</dd>
        </div>
      </dl>
      {series.length > 0 ? (
        <>
          <EarningsChart days={series} currency={currency} />
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((shown) => !shown)}
          >
            {showTable ? "Hide the table" : "Show as table"}
          </button>
          <div id={tableId} className="table-scroll" hidden={!showTable}>
            <table className="table">
              <caption className="visually-hidden">Figures per day, earnings in {currency}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col" className="aff-amount">
                    Clicks
                  </th>
                  <th scope="col" className="aff-amount">
                    Referrals
                  </th>
                  <th scope="col" className="aff-amount">
                    Conversions
                  </th>
                  <th scope="col" className="aff-amount">
                    Earnings
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.map((day) => (
                  <tr key={day.date}>
                    <th scope="row">{dayFormat.format(new Date(`${day.date}T00:00:00Z`))}</th>
                    <td data-label="Clicks" className="aff-amount">
                      {day.clicks}
                    </td>
                    <td data-label="Referrals" className="aff-amount">
                      {day.referrals}
                    </td>
                    <td data-label="Conversions" className="aff-amount">
                      {day.conversions}
                    </td>
                    <td data-label="Earnings" className="aff-amount">
                      {formatMoney(day.earnings, currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="hint">No clicks or referrals in this period yet.</p>
      )}
    </section>
  );
}
