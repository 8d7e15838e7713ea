import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import type { AppointmentFieldsFragment, AppointmentWhen } from "../../../gql/graphql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { QueryState } from "../../../shared/QueryState";
import { AppointmentLocationText, AppointmentStatusBadge } from "../shared/AppointmentBits";
import { CalendarFeedCard } from "../shared/CalendarFeedCard";
import { browserTimeZone, formatDateTimeIn, shortZoneName } from "../shared/time";
import { PortalAppointmentsDocument, PortalAppointmentTypesDocument } from "./operations";
import { AppointmentsOff } from "./SectionOff";

const PAGE_SIZE = 20;

/** The client's upcoming and past appointments, a way to book one, and their calendar feed. */
export function AppointmentsPage() {
  const enabled = useSectionEnabled("APPOINTMENTS");
  const types = useQuery(PortalAppointmentTypesDocument);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  useEffect(() => {
    document.title = "Appointments";
  }, []);
  if (enabled === false) return <AppointmentsOff />;
  const bookable = (types.data?.appointmentTypes?.edges.length ?? 0) > 0;
  return (
    <>
      <div className="page-heading">
        <h1>Appointments</h1>
        {bookable && (
          <Link className="button" to="/appointments/book">
            Book an appointment
          </Link>
        )}
      </div>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <AppointmentList when="UPCOMING" title="Upcoming" empty="You have no upcoming appointments." />
      <AppointmentList when="PAST" title="Past" empty="No past appointments yet." />
      <CalendarFeedCard heading="Subscribe from your calendar">
        <p>
          Add this address to Google Calendar, Apple Calendar or Outlook (“subscribe from URL”) to see your appointments there. Keep it
          private: anyone with it can see your appointments.
        </p>
      </CalendarFeedCard>
    </>
  );
}

function AppointmentList({ when, title, empty }: { when: AppointmentWhen; title: string; empty: string }) {
  const headingId = `appointments-${when.toLowerCase()}`;
  // "Load more" asks for a longer first page: the answer replaces the list whole in the cache.
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { data, loading, error, refetch } = useQuery(PortalAppointmentsDocument, {
    variables: { when, first: limit },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const loadingMore = loading && Boolean(data) && (data?.myAppointments?.edges.length ?? 0) < limit;
  return (
    <section aria-labelledby={headingId} data-testid={`appointments-${when.toLowerCase()}`}>
      <h2 id={headingId}>{title}</h2>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading your appointments…" onRetry={() => void refetch()}>
        {({ myAppointments }) =>
          !myAppointments || myAppointments.edges.length === 0 ? (
            <p className="empty-state">{empty}</p>
          ) : (
            <>
              <ul className="appt-list" aria-labelledby={headingId}>
                {myAppointments.edges.map(({ node }) => (
                  <AppointmentItem key={node.id} appointment={node} />
                ))}
              </ul>
              {myAppointments.pageInfo.hasNextPage && limit < 100 && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => setLimit((current) => Math.min(100, current + PAGE_SIZE))}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function AppointmentItem({ appointment }: { appointment: AppointmentFieldsFragment }) {
  const zone = browserTimeZone();
  return (
    <li className="card appt-item" data-testid="appointment-item">
      <div>
        <h3>
          <Link to={`/appointments/${appointment.id}`}>{appointment.typeName}</Link>
        </h3>
        <p>
          {formatDateTimeIn(appointment.startsAt, zone)} {shortZoneName(zone, appointment.startsAt)}
        </p>
        <p className="hint">
          With {appointment.host.name} · <AppointmentLocationText location={appointment.location} />
        </p>
      </div>
      <div>
        <AppointmentStatusBadge status={appointment.status} />
      </div>
    </li>
  );
}

/** The secret address calendar apps subscribe to; resetting it stops the old one working. */
