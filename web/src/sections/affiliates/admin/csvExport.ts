/** "affiliate-payouts-2026-11-01-to-2026-11-30.csv": the file name says which payouts it holds. */
export function payoutsCsvFileName(from: string, to: string, today: string = new Date().toISOString().slice(0, 10)): string {
  if (from && to) return `affiliate-payouts-${from}-to-${to}.csv`;
  if (from) return `affiliate-payouts-from-${from}.csv`;
  if (to) return `affiliate-payouts-to-${to}.csv`;
  return `affiliate-payouts-${today}.csv`;
}

/** A calendar day from a date input as the API's instant: the start of `from`, the end of `to` (UTC). */
export function dayBound(day: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return end ? `${day}T23:59:59.999Z` : `${day}T00:00:00.000Z`;
}

/** Hands text to the browser as a downloaded file. */
export function downloadText(text: string, fileName: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
