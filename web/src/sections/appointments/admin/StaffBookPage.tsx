import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { QueryState } from "../../../shared/QueryState";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { ChooseTime } from "../shared/ChooseTime";
import { formatMinutes } from "../shared/labels";
import { browserTimeZone } from "../shared/time";
import { AppointmentTabs } from "./AppointmentTabs";
import { AdminAppointmentTypesDocument, BookingContactOptionsDocument, StaffBookAppointmentDocument } from "./operations";

/** Staff book an appointment for a contact: who, what, with whom, when; invite them to the portal. */
export function StaffBookPage() {
  const id = useId();
  const navigate = useNavigate();
  const zone = browserTimeZone();
  const [params] = useSearchParams();
  const [contactId, setContactId] = useState(params.get("contact") ?? "");
  const [typeId, setTypeId] = useState("");
  const [hostId, setHostId] = useState("");
  const [invite, setInvite] = useState(true);
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const contacts = useQuery(BookingContactOptionsDocument, { variables: { search: deferred || null } });
  const types = useQuery(AdminAppointmentTypesDocument, { variables: { includeArchived: false }, fetchPolicy: "cache-and-network" });
  const [book] = useMutation(StaffBookAppointmentDocument);
  useEffect(() => {
    document.title = "Appointments – Book for a contact";
  }, []);
  const contactOptions = contacts.data?.contacts.edges.map((edge) => edge.node) ?? [];
  const contact = contactOptions.find((option) => option.id === contactId);
  const typeList = types.data?.appointmentTypes?.edges.map((edge) => edge.node) ?? [];
  const type = typeList.find((option) => option.id === typeId);
  return (
    <>
      <h1>Appointments</h1>
      <AppointmentTabs />
      <h2>Book for a contact</h2>
      <div className="card">
        <div className="field contact-picker">
          <label htmlFor={`${id}-contact`}>Contact</label>
          <div className="contact-picker-inputs">
            <input
              type="search"
              aria-label="Search contacts"
              placeholder="Name or email"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <select
              id={`${id}-contact`}
              value={contactId}
              onChange={(event) => setContactId(event.target.value)}
              aria-busy={contacts.loading}
            >
              <option value="">{contacts.loading && !contacts.data ? "Loading contacts…" : "Choose a contact"}</option>
              {contactOptions.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} ({option.email}){option.access.status === "NONE" ? " · no portal access" : ""}
                </option>
              ))}
            </select>
          </div>
        </div>
        <QueryState loading={types.loading} error={types.error} data={types.data} onRetry={() => void types.refetch()}>
          {() =>
            typeList.length === 0 ? (
              <p className="hint">Create an appointment type first.</p>
            ) : (
              <div className="form-grid">
                <div className="field">
                  <label htmlFor={`${id}-type`}>Appointment type</label>
                  <select
                    id={`${id}-type`}
                    value={typeId}
                    onChange={(event) => {
                      setTypeId(event.target.value);
                      setHostId("");
                    }}
                  >
                    <option value="">Choose a type</option>
                    {typeList.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.name} ({formatMinutes(option.durationMinutes)})
                      </option>
                    ))}
                  </select>
                </div>
                {type && type.hosts.length > 1 && (
                  <div className="field">
                    <label htmlFor={`${id}-host`}>Host</label>
                    <select id={`${id}-host`} value={hostId} onChange={(event) => setHostId(event.target.value)}>
                      <option value="">Any host</option>
                      {type.hosts.map((host) => (
                        <option key={host.staffId} value={host.staffId}>
                          {host.name}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </div>
            )
          }
        </QueryState>
      </div>
      {type && contactId ? (
        <ChooseTime
          key={`${type.id}-${hostId}`}
          typeId={type.id}
          hostStaffId={hostId || null}
          timeZone={zone}
          bookingWindowDays={Math.max(type.bookingWindowDays, 365)}
          confirmLabel="Book appointment"
          busyLabel="Booking…"
          summary={
            <p>
              {type.name} for {contact?.name ?? "the contact"}
            </p>
          }
          onConfirm={async (slot) => {
            const result = (
              await book({
                variables: {
                  input: { typeId: type.id, startsAt: slot.startsAt, contactId, hostStaffId: hostId || null, inviteToPortal: invite },
                },
              })
            ).data?.bookAppointment;
            if (result?.__typename === "AppointmentSuccess")
              navigate(`/admin/appointments/${result.appointment.id}`, { state: { notice: "Booked." } });
            return result;
          }}
        >
          <div className="field checkbox">
            <input id={`${id}-invite`} type="checkbox" checked={invite} onChange={(event) => setInvite(event.target.checked)} />
            <label htmlFor={`${id}-invite`}>Invite to the portal if they have no access yet</label>
          </div>
        </ChooseTime>
      ) : (
        <p className="hint">Choose a contact and a type to see free times.</p>
      )}
    </>
  );
}
