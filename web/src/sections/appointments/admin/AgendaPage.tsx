import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { QueryState } from "../../../shared/QueryState";
import { AppointmentStatusBadge } from "../shared/AppointmentBits";
import { CalendarFeedCard } from "../shared/CalendarFeedCard";
import { addDays, browserTimeZone, dayKey, daysQueryRange, formatDay, formatTime, shortZoneName, startOfWeek } from "../shared/time";
import { AppointmentTabs } from "./AppointmentTabs";
import { AgendaDocument, AppointmentStaffDocument } from "./operations";

type View = "day" | "week";

/** The bookings of a day or a week, for everyone or one host, in the staff member's browser zone. */
export function AgendaPage() {
  const id = useId();
  const zone = browserTimeZone();
  const today = dayKey(new Date(), zone);
  const [view, setView] = useState<View>("week");
  const [anchor, setAnchor] = useState(today);
  const [host, setHost] = useState("");
  const first = view === "week" ? startOfWeek(anchor) : anchor;
  const length = view === "week" ? 7 : 1;
  const range = useMemo(() => daysQueryRange(first, length), [first, length]);
  const staff = useQuery(AppointmentStaffDocument);
  const { data, loading, error, refetch } = useQuery(AgendaDocument, {
    variables: { from: range.from, to: range.to, hostStaffId: host || null },
    fetchPolicy: "cache-and-network",
  });
  useEffect(() => {
    document.title = "Appointments – Agenda";
  }, []);
  const days = Array.from({ length }, (_, index) => addDays(first, index));
  const title = view === "week" ? `Week of ${formatDay(first)}` : formatDay(first);
  return (
    <>
      <div className="page-heading">
        <h1>Appointments</h1>
        <Link className="button" to="/admin/appointments/book">
          Book for a contact
        </Link>
      </div>
      <AppointmentTabs />
      <fieldset className="filters filters-compact appt-filters">
        <legend className="visually-hidden">Agenda view</legend>
        <div className="field">
          <label htmlFor={`${id}-view`}>View</label>
          <select id={`${id}-view`} value={view} onChange={(event) => setView(event.target.value as View)}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input id={`${id}-date`} type="date" value={anchor} onChange={(event) => event.target.value && setAnchor(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-host`}>Host</label>
          <select id={`${id}-host`} value={host} onChange={(event) => setHost(event.target.value)}>
            <option value="">Everyone</option>
            {staff.data?.staffMembers.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" className="button button-secondary button-small" onClick={() => setAnchor(addDays(anchor, -length))}>
          <span aria-hidden="true">← </span>Previous {view}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setAnchor(today)}>
          Today
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setAnchor(addDays(anchor, length))}>
          Next {view}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      <h2 aria-live="polite">{title}</h2>
      <p className="hint">
        Times in {zone} ({shortZoneName(zone)}).
      </p>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the agenda…" onRetry={() => void refetch()}>
        {({ agenda }) => {
          const byDay = new Map<string, NonNullable<typeof agenda>["edges"][number]["node"][]>();
          for (const { node } of agenda?.edges ?? []) {
            const key = dayKey(node.startsAt, zone);
            byDay.set(key, [...(byDay.get(key) ?? []), node]);
          }
          const total = days.reduce((sum, day) => sum + (byDay.get(day)?.length ?? 0), 0);
          if (total === 0) return <p className="empty-state">No bookings {view === "week" ? "this week" : "on this day"}.</p>;
          return (
            <div data-testid="agenda">
              {agenda?.pageInfo.hasNextPage && (
                <p className="alert alert-info">Showing the first 100 bookings: choose a host or the day view to see the rest.</p>
              )}
              {days.map((day) => {
                const bookings = (byDay.get(day) ?? []).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
                if (bookings.length === 0) return null;
                return (
                  <section key={day} className="appt-agenda-day" aria-labelledby={`${id}-${day}`}>
                    <h3 id={`${id}-${day}`}>{formatDay(day)}</h3>
                    <ul className="appt-list">
                      {bookings.map((booking) => (
                        <li key={booking.id} className="card appt-item" data-testid="agenda-item">
                          <div>
                            <p>
                              <strong>
                                {formatTime(booking.startsAt, zone)}–{formatTime(booking.endsAt, zone)}
                              </strong>{" "}
                              <Link to={`/admin/appointments/${booking.id}`}>
                                {booking.typeName} with {booking.contact.name}
                              </Link>
                            </p>
                            <p className="hint">Host: {booking.host.name}</p>
                          </div>
                          <div>
                            <AppointmentStatusBadge status={booking.status} />
                          </div>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          );
        }}
      </QueryState>
      <CalendarFeedCard heading="Your calendar feed">
        <p>Subscribe to this address in Google Calendar, Apple Calendar or Outlook to see the appointments you host. Keep it private.</p>
      </CalendarFeedCard>
    </>
  );
}

/** The staff member's own secret calendar address, with copy and reset. */
