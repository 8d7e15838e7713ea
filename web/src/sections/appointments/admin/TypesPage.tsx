import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { Link } from "react-router";
import type { AppointmentTypeFieldsFragment } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { AppointmentLocationText } from "../shared/AppointmentBits";
import { formatMinutes } from "../shared/labels";
import { AppointmentTabs } from "./AppointmentTabs";
import { AdminAppointmentTypesDocument, ArchiveAppointmentTypeDocument, RestoreAppointmentTypeDocument } from "./operations";

/** The business's appointment types: what clients and staff can book, with archive and restore. */
export function TypesPage() {
  const id = useId();
  const [showArchived, setShowArchived] = useState(false);
  const [message, setMessage] = useState("");
  const { data, loading, error, refetch } = useQuery(AdminAppointmentTypesDocument, {
    variables: { includeArchived: showArchived },
    fetchPolicy: "cache-and-network",
  });
  useEffect(() => {
    document.title = "Appointments – Types";
  }, []);
  return (
    <>
      <div className="page-heading">
        <h1>Appointments</h1>
        <Link className="button" to="/admin/appointments/types/new">
          New appointment type
        </Link>
      </div>
      <AppointmentTabs />
      <div className="field checkbox">
        <input id={`${id}-archived`} type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
        <label htmlFor={`${id}-archived`}>Show archived types</label>
      </div>
      <p role="status" className="hint">
        {message}
      </p>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading appointment types…" onRetry={() => void refetch()}>
        {({ appointmentTypes }) =>
          !appointmentTypes || appointmentTypes.edges.length === 0 ? (
            <p className="empty-state">No appointment types yet. Create one so clients can book.</p>
          ) : (
            <ul className="appt-types" aria-label="Appointment types">
              {appointmentTypes.edges.map(({ node }) => (
                <TypeItem key={node.id} type={node} onMessage={setMessage} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function TypeItem({ type, onMessage }: { type: AppointmentTypeFieldsFragment; onMessage: (message: string) => void }) {
  const [archive, archiving] = useMutation(ArchiveAppointmentTypeDocument, { refetchQueries: [AdminAppointmentTypesDocument] });
  const [restore, restoring] = useMutation(RestoreAppointmentTypeDocument, { refetchQueries: [AdminAppointmentTypesDocument] });
  const toggle = async () => {
    const result = type.archived
      ? (await restore({ variables: { id: type.id } })).data?.restoreAppointmentType
      : (await archive({ variables: { id: type.id } })).data?.archiveAppointmentType;
    if (result?.__typename === "AppointmentTypeSuccess")
      onMessage(type.archived ? `“${type.name}” was restored.` : `“${type.name}” was archived: it can no longer be booked.`);
    else onMessage(problemOf(result)?.message ?? "Could not change the type.");
  };
  return (
    <li className="card" data-testid="appointment-type">
      <h2>
        <Link to={`/admin/appointments/types/${type.id}`}>{type.name}</Link>
        {type.archived && <span className="badge"> Archived</span>}
      </h2>
      <p className="hint">
        {formatMinutes(type.durationMinutes)} · <AppointmentLocationText location={type.location} /> ·{" "}
        {type.clientBookable ? "Clients can book it in the portal" : "Staff book it"}
      </p>
      <p className="hint">Hosts: {type.hosts.map((host) => host.name).join(", ") || "none"}</p>
      <div className="actions">
        <Link className="button button-secondary button-small" to={`/admin/appointments/types/${type.id}`}>
          Edit<span className="visually-hidden"> {type.name}</span>
        </Link>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={archiving.loading || restoring.loading}
          onClick={() => void toggle()}
        >
          {type.archived ? "Restore" : "Archive"}
          <span className="visually-hidden"> {type.name}</span>
        </button>
      </div>
    </li>
  );
}
