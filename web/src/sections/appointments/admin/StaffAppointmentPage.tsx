import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import type { AdminAppointmentQuery } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { AppointmentLocationText, AppointmentStatusBadge } from "../shared/AppointmentBits";
import { ChooseTime } from "../shared/ChooseTime";
import { isActive } from "../shared/labels";
import { browserTimeZone, describeWhen, formatDateTimeIn } from "../shared/time";
import { AppointmentTabs } from "./AppointmentTabs";
import {
  AdminAppointmentDocument,
  MarkAppointmentCompletedDocument,
  MarkAppointmentNoShowDocument,
  StaffCancelAppointmentDocument,
  StaffRescheduleAppointmentDocument,
} from "./operations";

type Appointment = NonNullable<AdminAppointmentQuery["appointment"]>;

/** One booking for staff: details, reschedule, cancel with a reason, completed or no-show. */
export function StaffAppointmentPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const [notice, setNotice] = useState((location.state as { notice?: string } | null)?.notice ?? "");
  const { data, loading, error, refetch } = useQuery(AdminAppointmentDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Appointment";
  }, []);
  return (
    <>
      <BackLink to="/admin/appointments" label="Agenda" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ appointment }) =>
          appointment ? (
            <Details appointment={appointment} notice={notice} onNotice={setNotice} />
          ) : (
            <p className="empty-state">This appointment does not exist.</p>
          )
        }
      </QueryState>
    </>
  );
}

function Details({ appointment, notice, onNotice }: { appointment: Appointment; notice: string; onNotice: (notice: string) => void }) {
  const zone = browserTimeZone();
  const id = useId();
  const [mode, setMode] = useState<"none" | "reschedule" | "cancel">("none");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState("");
  const [reschedule] = useMutation(StaffRescheduleAppointmentDocument);
  const [cancel, cancelling] = useMutation(StaffCancelAppointmentDocument);
  const [complete, completing] = useMutation(MarkAppointmentCompletedDocument);
  const [noShow, markingNoShow] = useMutation(MarkAppointmentNoShowDocument);
  const active = isActive(appointment.status);
  const started = Date.parse(appointment.startsAt) <= Date.now();
  const done = (result: { __typename?: string } | null | undefined, message: string) => {
    if (result?.__typename === "AppointmentSuccess") {
      onNotice(message);
      setProblem("");
      setMode("none");
    } else setProblem(problemOf(result as Record<string, unknown>)?.message ?? "Could not do that. Please try again.");
  };
  return (
    <>
      <h1>
        {appointment.typeName} with {appointment.contact.name}
      </h1>
      <AppointmentTabs />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      <div className="card">
        <dl className="details">
          <dt>When</dt>
          <dd>{describeWhen(appointment.startsAt, appointment.endsAt, zone)}</dd>
          {appointment.clientTimeZone && appointment.clientTimeZone !== zone && (
            <>
              <dt>For the client</dt>
              <dd>{describeWhen(appointment.startsAt, appointment.endsAt, appointment.clientTimeZone)}</dd>
            </>
          )}
          <dt>Contact</dt>
          <dd>
            <Link to={`/admin/contacts/${appointment.contact.id}`}>{appointment.contact.name}</Link>{" "}
            <span className="hint">{appointment.contact.email}</span>
          </dd>
          <dt>Host</dt>
          <dd>{appointment.host.name}</dd>
          <dt>Where</dt>
          <dd>
            <AppointmentLocationText location={appointment.location} />
          </dd>
          <dt>Status</dt>
          <dd>
            <AppointmentStatusBadge status={appointment.status} />
            {appointment.status === "CANCELLED" && (
              <span className="hint">
                {" "}
                by {appointment.cancelledBy === "CLIENT" ? "the client" : "staff"}
                {appointment.cancelReason ? `: ${appointment.cancelReason}` : ""}
              </span>
            )}
          </dd>
          {active && (
            <>
              <dt>Client may change until</dt>
              <dd>{formatDateTimeIn(appointment.changeDeadline, zone)}</dd>
            </>
          )}
        </dl>
        {active && mode === "none" && (
          <div className="actions">
            {!started && (
              <button type="button" className="button" onClick={() => setMode("reschedule")}>
                Reschedule
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => setMode("cancel")}>
              Cancel appointment
            </button>
            {started && (
              <>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={completing.loading}
                  onClick={async () =>
                    done((await complete({ variables: { id: appointment.id } })).data?.markAppointmentCompleted, "Marked as completed.")
                  }
                >
                  Mark completed
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={markingNoShow.loading}
                  onClick={async () =>
                    done((await noShow({ variables: { id: appointment.id } })).data?.markAppointmentNoShow, "Marked as a no-show.")
                  }
                >
                  Mark no-show
                </button>
              </>
            )}
          </div>
        )}
      </div>
      {mode === "cancel" && (
        <form
          className="card"
          aria-labelledby={`${id}-cancel`}
          onSubmit={async (event) => {
            event.preventDefault();
            done(
              (await cancel({ variables: { id: appointment.id, reason: reason.trim() || null } })).data?.cancelAppointment,
              "Cancelled. The client and the host are told.",
            );
          }}
        >
          <h2 id={`${id}-cancel`}>Cancel the appointment</h2>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason (sent to the client)</label>
            <textarea id={`${id}-reason`} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => setMode("none")}>
              Keep it
            </button>
            <button type="submit" className="button button-danger" disabled={cancelling.loading}>
              Cancel the appointment
            </button>
          </div>
        </form>
      )}
      {mode === "reschedule" && appointment.type && (
        <section aria-labelledby={`${id}-reschedule`}>
          <h2 id={`${id}-reschedule`}>Choose a new time</h2>
          <button type="button" className="button button-secondary button-small" onClick={() => setMode("none")}>
            Keep the current time
          </button>
          <ChooseTime
            typeId={appointment.type.id}
            hostStaffId={appointment.host.staffId}
            timeZone={zone}
            bookingWindowDays={Math.max(appointment.type.bookingWindowDays, 365)}
            confirmLabel="Confirm new time"
            busyLabel="Rescheduling…"
            onConfirm={async (slot) => {
              const result = (await reschedule({ variables: { id: appointment.id, startsAt: slot.startsAt } })).data?.rescheduleAppointment;
              if (result?.__typename === "AppointmentSuccess") done(result, "Rescheduled. The client is told the new time.");
              return result;
            }}
          />
        </section>
      )}
    </>
  );
}
