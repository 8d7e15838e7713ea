import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { ChooseTime } from "../shared/ChooseTime";
import { isActive } from "../shared/labels";
import { browserTimeZone, describeWhen } from "../shared/time";
import { PortalAppointmentDocument, PortalAppointmentTypeDocument, RescheduleAppointmentDocument } from "./operations";
import { AppointmentsOff } from "./SectionOff";

/** A new time for an appointment, while the notice rules allow it. */
export function ReschedulePage() {
  const { id = "" } = useParams();
  const enabled = useSectionEnabled("APPOINTMENTS");
  const navigate = useNavigate();
  const zone = browserTimeZone();
  const { data, loading, error, refetch } = useQuery(PortalAppointmentDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  const typeId = data?.appointment?.type?.id ?? "";
  const type = useQuery(PortalAppointmentTypeDocument, { variables: { id: typeId }, skip: !typeId });
  const [reschedule] = useMutation(RescheduleAppointmentDocument);
  useEffect(() => {
    document.title = "Reschedule – Appointments";
  }, []);
  if (enabled === false) return <AppointmentsOff />;
  return (
    <>
      <BackLink to={`/appointments/${id}`} label="Back to the appointment" />
      <h1>Reschedule</h1>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ appointment }) => {
          if (!appointment || !isActive(appointment.status))
            return (
              <p className="empty-state">
                This appointment cannot be rescheduled. <Link to="/appointments">See your appointments</Link>
              </p>
            );
          if (!appointment.canChange)
            return (
              <p className="alert alert-info" role="status">
                It is too late to reschedule this appointment online. <Link to={`/appointments/${id}`}>See why and whom to ask</Link>
              </p>
            );
          return (
            <>
              <p>
                {appointment.typeName} with {appointment.host.name}, now{" "}
                <strong>{describeWhen(appointment.startsAt, appointment.endsAt, zone)}</strong>.
              </p>
              <h2>Choose a new day and time</h2>
              <ChooseTime
                typeId={typeId}
                timeZone={zone}
                bookingWindowDays={type.data?.appointmentType?.bookingWindowDays ?? 60}
                confirmLabel="Confirm new time"
                busyLabel="Rescheduling…"
                onConfirm={async (slot) => {
                  const result = (await reschedule({ variables: { id, startsAt: slot.startsAt } })).data?.rescheduleAppointment;
                  if (result?.__typename === "AppointmentSuccess") {
                    navigate(`/appointments/${id}`, { state: { notice: "Rescheduled. We have sent you the new time by email." } });
                  }
                  return result;
                }}
              />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
