import { browserTimeZone, formatShortDateTimeIn, shortZoneName } from "../shared/time";

interface AppointmentSummaryLike {
  hasAppointments: boolean;
  canBook: boolean;
  next: { startsAt: string; typeName: string } | null;
}

/**
 * The dashboard card's lines for the client's appointments, times in their zone; null hides the
 * card (no upcoming appointment and nothing they may book).
 */
export function appointmentCardLines(
  summary: AppointmentSummaryLike | null | undefined,
  timeZone: string = browserTimeZone(),
  locale?: string,
): string[] | null {
  if (!summary) return null;
  if (summary.next) {
    const when = `${formatShortDateTimeIn(summary.next.startsAt, timeZone, locale)} ${shortZoneName(timeZone, summary.next.startsAt, locale)}`;
    return [`Next: ${summary.next.typeName}`, when];
  }
  if (!summary.canBook) return null;
  return ["No upcoming appointments", "Book one when it suits you"];
}
