import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { type AffiliateDayLike, chartColumns } from "./chartSeries";
import { currencyDigits, formatMoney } from "./money";

function cssColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Clicks, referrals and conversions per day (left axis) with earnings (right axis). Hidden from
 * assistive technology: the same figures are in the table beside it, which a screen reader reads.
 */
export function EarningsChart({ days, currency }: { days: AffiliateDayLike[]; currency: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const primary = cssColour("--brand-primary", "#2f4b7c");
    const accent = cssColour("--brand-accent", "#1f7a5c");
    const scale = 10 ** currencyDigits(currency);
    const width = () => Math.max(280, element.clientWidth);
    const chart = new uPlot(
      {
        width: width(),
        height: 240,
        scales: { x: { time: true }, count: { auto: true }, money: { auto: true } },
        series: [
          {},
          { label: "Clicks", scale: "count", stroke: primary, width: 2 },
          { label: "Referrals", scale: "count", stroke: "#8a5a00", width: 2, dash: [6, 4] },
          { label: "Conversions", scale: "count", stroke: "#7b2d8e", width: 2, dash: [2, 3] },
          {
            label: "Earnings",
            scale: "money",
            stroke: accent,
            fill: /^#[0-9a-f]{6}$/i.test(accent) ? `${accent}22` : undefined,
            width: 2,
            value: (_chart, value) => (value == null ? "—" : formatMoney(Math.round(value * scale), currency)),
          },
        ],
        axes: [{}, { scale: "count", label: "Count" }, { scale: "money", side: 1, label: `Earnings (${currency})`, grid: { show: false } }],
      },
      chartColumns(days, currency),
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 240 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, currency]);
  return <div ref={container} className="aff-chart" aria-hidden="true" data-testid="affiliate-chart" />;
}
