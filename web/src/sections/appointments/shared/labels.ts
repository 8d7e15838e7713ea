import type { AppointmentLocationKind, AppointmentStatus } from "../../../gql/graphql";

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  BOOKED: "Booked",
  RESCHEDULED: "Rescheduled",
  CANCELLED: "Cancelled",
  COMPLETED: "Completed",
  NO_SHOW: "No-show",
};

export const LOCATION_LABELS: Record<AppointmentLocationKind, string> = {
  ADDRESS: "In person",
  PHONE: "Phone call",
  VIDEO: "Video meeting",
};

/** "30 minutes", "1 hour", "1 hour 30 minutes", "2 days". */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return "none";
  if (minutes % 1440 === 0) return minutes === 1440 ? "1 day" : `${minutes / 1440} days`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [];
  if (hours) parts.push(hours === 1 ? "1 hour" : `${hours} hours`);
  if (rest) parts.push(rest === 1 ? "1 minute" : `${rest} minutes`);
  return parts.join(" ");
}

/** Whether an appointment is still to happen (not cancelled, completed or missed). */
export function isActive(status: AppointmentStatus): boolean {
  return status === "BOOKED" || status === "RESCHEDULED";
}
