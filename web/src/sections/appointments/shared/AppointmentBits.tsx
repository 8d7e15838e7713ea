import type { AppointmentLocationKind, AppointmentStatus } from "../../../gql/graphql";
import { LOCATION_LABELS, STATUS_LABELS } from "./labels";
import "./appointments.css";

/** The booking's status as a badge; the text carries the meaning. */
export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <span className={`badge badge-appt-${status.toLowerCase().replace("_", "-")}`} data-testid="appointment-status">
      {STATUS_LABELS[status]}
    </span>
  );
}

/**
 * Where it happens: the address, the phone number to call, or the video meeting's join link.
 * `linked={false}` names a video meeting without its link: a type being chosen is no meeting yet.
 */
export function AppointmentLocationText({
  location,
  linked = true,
}: {
  location: { kind: AppointmentLocationKind; value: string };
  linked?: boolean;
}) {
  if (location.kind === "VIDEO" && !linked) return <>{LOCATION_LABELS.VIDEO}</>;
  if (location.kind === "VIDEO") {
    const safe = /^https?:\/\//i.test(location.value);
    return (
      <>
        {LOCATION_LABELS.VIDEO}:{" "}
        {safe ? (
          <a href={location.value} target="_blank" rel="noreferrer noopener">
            Join the video meeting<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          location.value
        )}
      </>
    );
  }
  if (location.kind === "PHONE") {
    return (
      <>
        {LOCATION_LABELS.PHONE}: <a href={`tel:${location.value.replace(/[^+\d]/g, "")}`}>{location.value}</a>
      </>
    );
  }
  return (
    <>
      {LOCATION_LABELS.ADDRESS}: <span style={{ whiteSpace: "pre-line" }}>{location.value}</span>
    </>
  );
}
