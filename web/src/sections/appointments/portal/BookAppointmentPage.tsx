import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { AppointmentTypeFieldsFragment } from "../../../gql/graphql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { AppointmentLocationText } from "../shared/AppointmentBits";
import { ChooseTime } from "../shared/ChooseTime";
import { formatMinutes } from "../shared/labels";
import { browserTimeZone } from "../shared/time";
import { BookAppointmentDocument, PortalAppointmentTypesDocument } from "./operations";
import { AppointmentsOff } from "./SectionOff";

/** Booking: choose a type, then a day and a free time, then confirm. */
export function BookAppointmentPage() {
  const enabled = useSectionEnabled("APPOINTMENTS");
  const [params, setParams] = useSearchParams();
  const typeId = params.get("type");
  const { data, loading, error, refetch } = useQuery(PortalAppointmentTypesDocument, { fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Book an appointment";
  }, []);
  if (enabled === false) return <AppointmentsOff />;
  return (
    <>
      <BackLink to="/appointments" label="Appointments" />
      <h1>Book an appointment</h1>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading appointment types…" onRetry={() => void refetch()}>
        {({ appointmentTypes }) => {
          const types = appointmentTypes?.edges.map((edge) => edge.node) ?? [];
          const type = typeId ? types.find((candidate) => candidate.id === typeId) : undefined;
          if (type) return <ChooseSlot type={type} onChangeType={() => setParams({})} />;
          if (types.length === 0)
            return (
              <p className="empty-state" data-testid="no-types">
                There is nothing to book online right now. <Link to="/appointments">Back to your appointments</Link>
              </p>
            );
          return (
            <>
              <h2>1. Choose what to book</h2>
              <ul className="appt-types" aria-label="Appointment types">
                {types.map((candidate) => (
                  <li key={candidate.id} className="card" data-testid="appointment-type">
                    <h3>{candidate.name}</h3>
                    {candidate.description && <p>{candidate.description}</p>}
                    <p className="hint">
                      {formatMinutes(candidate.durationMinutes)} · <AppointmentLocationText location={candidate.location} linked={false} />
                    </p>
                    <button type="button" className="button" onClick={() => setParams({ type: candidate.id })}>
                      Choose<span className="visually-hidden"> {candidate.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function ChooseSlot({ type, onChangeType }: { type: AppointmentTypeFieldsFragment; onChangeType: () => void }) {
  const navigate = useNavigate();
  const zone = browserTimeZone();
  const [book, { loading }] = useMutation(BookAppointmentDocument);
  return (
    <>
      <div className="card">
        <h2>{type.name}</h2>
        <p className="hint">
          {formatMinutes(type.durationMinutes)} · <AppointmentLocationText location={type.location} linked={false} />
        </p>
        <button type="button" className="button button-secondary button-small" onClick={onChangeType}>
          Choose another type
        </button>
      </div>
      <h2>2. Choose a day and a time</h2>
      <ChooseTime
        typeId={type.id}
        timeZone={zone}
        bookingWindowDays={type.bookingWindowDays}
        confirmLabel="Confirm booking"
        busyLabel={loading ? "Booking…" : "Booking…"}
        summary={<p>{type.name}</p>}
        onConfirm={async (slot) => {
          const result = (await book({ variables: { input: { typeId: type.id, startsAt: slot.startsAt, clientTimeZone: zone } } })).data
            ?.bookAppointment;
          if (result?.__typename === "AppointmentSuccess") {
            navigate(`/appointments/${result.appointment.id}`, {
              state: { notice: "Booked. A confirmation with a calendar invitation is on its way by email." },
            });
          }
          return result;
        }}
      />
    </>
  );
}
