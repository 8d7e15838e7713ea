import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { PortalAppointmentQuery } from "../../../gql/graphql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { BackLink } from "../../../shared/BackLink";
import { usePortalBusiness } from "../../../shared/branding";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { AppointmentLocationText, AppointmentStatusBadge } from "../shared/AppointmentBits";
import { formatMinutes, isActive } from "../shared/labels";
import { browserTimeZone, describeWhen, formatDateTimeIn, shortZoneName } from "../shared/time";
import { CancelAppointmentDocument, PortalAppointmentDocument } from "./operations";
import { AppointmentsOff } from "./SectionOff";

/** One appointment: when (in the client's zone, named), where, add to calendar, reschedule or cancel. */
export function AppointmentPage() {
  const { id = "" } = useParams();
  const enabled = useSectionEnabled("APPOINTMENTS");
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch } = useQuery(PortalAppointmentDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = data?.appointment ? `${data.appointment.typeName} – Appointments` : "Appointment";
  }, [data]);
  if (enabled === false) return <AppointmentsOff />;
  return (
    <>
      <BackLink to="/appointments" label="Appointments" />
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading the appointment…" onRetry={() => void refetch()}>
        {({ appointment }) =>
          appointment ? (
            <AppointmentDetails appointment={appointment} notice={notice} />
          ) : (
            <>
              <h1>Appointment not found</h1>
              <p className="empty-state">
                This appointment does not exist or is not yours. <Link to="/appointments">See your appointments</Link>
              </p>
            </>
          )
        }
      </QueryState>
    </>
  );
}

type Appointment = NonNullable<PortalAppointmentQuery["appointment"]>;

function AppointmentDetails({ appointment, notice }: { appointment: Appointment; notice?: string }) {
  const zone = browserTimeZone();
  const business = usePortalBusiness();
  const active = isActive(appointment.status);
  const upcoming = Date.parse(appointment.endsAt) > Date.now();
  const icsHref = `data:text/calendar;charset=utf-8,${encodeURIComponent(appointment.ics)}`;
  return (
    <>
      <h1>{appointment.typeName}</h1>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <div className="card">
        <dl className="details">
          <dt>When</dt>
          <dd data-testid="appointment-when">{describeWhen(appointment.startsAt, appointment.endsAt, zone)}</dd>
          <dt>Where</dt>
          <dd>
            <AppointmentLocationText location={appointment.location} />
          </dd>
          <dt>With</dt>
          <dd>{appointment.host.name}</dd>
          <dt>Status</dt>
          <dd>
            <AppointmentStatusBadge status={appointment.status} />
            {appointment.status === "CANCELLED" && (
              <span className="hint">
                {" "}
                {appointment.cancelledBy === "CLIENT" ? "You cancelled it" : `Cancelled by ${business.branding.displayName}`}
                {appointment.cancelReason ? `: ${appointment.cancelReason}` : "."}
              </span>
            )}
          </dd>
        </dl>
        {active && upcoming && (
          <div className="actions">
            <a className="button button-secondary" href={icsHref} download="Appointment.ics">
              Add to calendar
            </a>
          </div>
        )}
      </div>
      {active && upcoming && <ChangeSection appointment={appointment} zone={zone} businessName={business.branding.displayName} />}
    </>
  );
}

/** Reschedule or cancel while the notice rules allow it; after the deadline, why not and whom to ask. */
function ChangeSection({ appointment, zone, businessName }: { appointment: Appointment; zone: string; businessName: string }) {
  const id = useId();
  const navigate = useNavigate();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [cancel, { loading }] = useMutation(CancelAppointmentDocument);
  const deadline = `${formatDateTimeIn(appointment.changeDeadline, zone)} ${shortZoneName(zone, appointment.changeDeadline)}`;
  const notice = appointment.type ? formatMinutes(appointment.type.changeNoticeMinutes) : null;
  if (!appointment.canChange) {
    return (
      <section className="card" aria-labelledby={`${id}-heading`} data-testid="change-closed">
        <h2 id={`${id}-heading`}>Need to change it?</h2>
        <p>
          This appointment can no longer be rescheduled or cancelled here: changes were possible until {deadline}
          {notice ? ` (${notice} before it starts)` : ""}.
        </p>
        <p>
          To change or cancel it now, please contact {businessName} directly
          {appointment.host.name ? `, or ${appointment.host.name}` : ""} — for example by replying to your confirmation email.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="change-open">
      <h2 id={`${id}-heading`}>Change or cancel</h2>
      <p className="hint">You can reschedule or cancel until {deadline}.</p>
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      {cancelling ? (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setProblem(null);
            const result = (await cancel({ variables: { id: appointment.id, reason: reason.trim() || null } })).data?.cancelAppointment;
            if (result?.__typename === "AppointmentSuccess") {
              navigate("/appointments", { state: { notice: `Your ${appointment.typeName} appointment was cancelled.` } });
            } else setProblem(problemOf(result)?.message ?? "Could not cancel. Please try again.");
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason (optional)</label>
            <textarea id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
          </div>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => setCancelling(false)}>
              Keep the appointment
            </button>
            <button type="submit" className="button button-danger" disabled={loading}>
              {loading ? "Cancelling…" : "Cancel the appointment"}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <Link className="button" to={`/appointments/${appointment.id}/reschedule`}>
            Reschedule
          </Link>
          <button type="button" className="button button-secondary" onClick={() => setCancelling(true)}>
            Cancel appointment
          </button>
        </div>
      )}
    </section>
  );
}
