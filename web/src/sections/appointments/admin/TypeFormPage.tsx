import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import type { AppointmentLocationKind, AppointmentTypeFieldsFragment, AppointmentTypeInput } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { Field, TextAreaField } from "../../../shared/Field";
import { QueryState } from "../../../shared/QueryState";
import { generalMessage, messageFor, problemOf, type Problem } from "../../../shared/results";
import { LOCATION_LABELS } from "../shared/labels";
import {
  AdminAppointmentTypeDocument,
  AppointmentStaffDocument,
  CreateAppointmentTypeDocument,
  UpdateAppointmentTypeDocument,
} from "./operations";
import "../shared/appointments.css";

const FIELDS = [
  "name",
  "description",
  "durationMinutes",
  "location",
  "location.value",
  "hostStaffIds",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minimumNoticeMinutes",
  "bookingWindowDays",
  "changeNoticeMinutes",
  "reminderMinutesBefore",
];

/** Create an appointment type (no id) or edit one. */
export function TypeFormPage() {
  const { typeId } = useParams();
  const existing = useQuery(AdminAppointmentTypeDocument, { variables: { id: typeId ?? "" }, skip: !typeId });
  useEffect(() => {
    document.title = typeId ? "Edit appointment type" : "New appointment type";
  }, [typeId]);
  return (
    <>
      <BackLink to="/admin/appointments/types" label="Appointment types" />
      <h1>{typeId ? "Edit appointment type" : "New appointment type"}</h1>
      {typeId ? (
        <QueryState loading={existing.loading} error={existing.error} data={existing.data} onRetry={() => void existing.refetch()}>
          {({ appointmentType }) =>
            appointmentType ? <TypeForm type={appointmentType} /> : <p className="empty-state">This appointment type does not exist.</p>
          }
        </QueryState>
      ) : (
        <TypeForm />
      )}
    </>
  );
}

interface Draft {
  name: string;
  description: string;
  durationMinutes: string;
  locationKind: AppointmentLocationKind;
  locationValue: string;
  hostStaffIds: string[];
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minimumNoticeMinutes: string;
  bookingWindowDays: string;
  changeNoticeMinutes: string;
  clientBookable: boolean;
  reminders: string;
}

function draftOf(type?: AppointmentTypeFieldsFragment): Draft {
  return {
    name: type?.name ?? "",
    description: type?.description ?? "",
    durationMinutes: String(type?.durationMinutes ?? 30),
    locationKind: type?.location.kind ?? "VIDEO",
    locationValue: type?.location.value ?? "",
    hostStaffIds: type?.hosts.map((host) => host.staffId) ?? [],
    bufferBeforeMinutes: String(type?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(type?.bufferAfterMinutes ?? 0),
    minimumNoticeMinutes: String(type?.minimumNoticeMinutes ?? 240),
    bookingWindowDays: String(type?.bookingWindowDays ?? 60),
    changeNoticeMinutes: String(type?.changeNoticeMinutes ?? 1440),
    clientBookable: type?.clientBookable ?? true,
    reminders: (type?.reminderMinutesBefore ?? [1440, 60]).join(", "),
  };
}

/** The input the API takes, or the problem with a field the form can name before sending. */
export function inputOf(draft: Draft): AppointmentTypeInput | Problem {
  const number = (value: string, field: string, label: string): number | Problem => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isInteger(parsed) || parsed < 0)
      return { kind: "ValidationError", field, message: `${label} must be a whole number, 0 or more.` };
    return parsed;
  };
  const reminders = draft.reminders
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (reminders.some((value) => !Number.isInteger(value) || value <= 0))
    return { kind: "ValidationError", field: "reminderMinutesBefore", message: "Reminders are minutes before, e.g. 1440, 60." };
  const values: Record<string, number> = {};
  for (const [field, label] of [
    ["durationMinutes", "Duration"],
    ["bufferBeforeMinutes", "Buffer before"],
    ["bufferAfterMinutes", "Buffer after"],
    ["minimumNoticeMinutes", "Minimum notice to book"],
    ["bookingWindowDays", "Booking window"],
    ["changeNoticeMinutes", "Notice to cancel or reschedule"],
  ] as const) {
    const value = number(draft[field], field, label);
    if (typeof value !== "number") return value;
    values[field] = value;
  }
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    durationMinutes: values.durationMinutes!,
    location: { kind: draft.locationKind, value: draft.locationValue.trim() },
    hostStaffIds: draft.hostStaffIds,
    bufferBeforeMinutes: values.bufferBeforeMinutes!,
    bufferAfterMinutes: values.bufferAfterMinutes!,
    minimumNoticeMinutes: values.minimumNoticeMinutes!,
    bookingWindowDays: values.bookingWindowDays!,
    changeNoticeMinutes: values.changeNoticeMinutes!,
    clientBookable: draft.clientBookable,
    reminderMinutesBefore: reminders,
  };
}

function TypeForm({ type }: { type?: AppointmentTypeFieldsFragment }) {
  const id = useId();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => draftOf(type));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState("");
  const staff = useQuery(AppointmentStaffDocument);
  const [create, creating] = useMutation(CreateAppointmentTypeDocument);
  const [update, updating] = useMutation(UpdateAppointmentTypeDocument);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    const input = inputOf(draft);
    if ("kind" in input) {
      setProblem(input);
      return;
    }
    setProblem(null);
    const result = type
      ? (await update({ variables: { id: type.id, input } })).data?.updateAppointmentType
      : (await create({ variables: { input } })).data?.createAppointmentType;
    if (result?.__typename === "AppointmentTypeSuccess") {
      if (type) setSaved("Saved.");
      else navigate("/admin/appointments/types");
      return;
    }
    setProblem(problemOf(result) ?? { kind: "Error", message: "Could not save. Please try again." });
  };
  const minutesHint = "In minutes: 60 = 1 hour, 1440 = 1 day.";
  const general = generalMessage(problem, FIELDS);
  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate>
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      <Field label="Name" required value={draft.name} onChange={(e) => set("name", e.target.value)} error={messageFor(problem, "name")} />
      <TextAreaField
        label="Description"
        rows={3}
        value={draft.description}
        onChange={(e) => set("description", e.target.value)}
        error={messageFor(problem, "description")}
      />
      <Field
        label="Duration (minutes)"
        type="number"
        min={5}
        inputMode="numeric"
        value={draft.durationMinutes}
        onChange={(e) => set("durationMinutes", e.target.value)}
        error={messageFor(problem, "durationMinutes")}
      />
      <div className="field">
        <label htmlFor={`${id}-location-kind`}>Location</label>
        <select
          id={`${id}-location-kind`}
          value={draft.locationKind}
          onChange={(e) => set("locationKind", e.target.value as AppointmentLocationKind)}
        >
          {(Object.keys(LOCATION_LABELS) as AppointmentLocationKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {LOCATION_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={draft.locationKind === "ADDRESS" ? "Address" : draft.locationKind === "PHONE" ? "Phone number" : "Video meeting link"}
        value={draft.locationValue}
        onChange={(e) => set("locationValue", e.target.value)}
        error={messageFor(problem, "location.value") ?? messageFor(problem, "location")}
      />
      <fieldset className="fieldset" aria-describedby={messageFor(problem, "hostStaffIds") ? `${id}-hosts-error` : undefined}>
        <legend>Hosts</legend>
        {staff.data?.staffMembers.edges.map(({ node }) => (
          <div key={node.id} className="field checkbox">
            <input
              id={`${id}-host-${node.id}`}
              type="checkbox"
              checked={draft.hostStaffIds.includes(node.id)}
              onChange={(e) =>
                set(
                  "hostStaffIds",
                  e.target.checked ? [...draft.hostStaffIds, node.id] : draft.hostStaffIds.filter((host) => host !== node.id),
                )
              }
            />
            <label htmlFor={`${id}-host-${node.id}`}>{node.name}</label>
          </div>
        ))}
        {messageFor(problem, "hostStaffIds") && (
          <p id={`${id}-hosts-error`} className="field-error">
            {messageFor(problem, "hostStaffIds")}
          </p>
        )}
      </fieldset>
      <div className="form-grid">
        <Field
          label="Buffer before (minutes)"
          type="number"
          min={0}
          value={draft.bufferBeforeMinutes}
          onChange={(e) => set("bufferBeforeMinutes", e.target.value)}
          error={messageFor(problem, "bufferBeforeMinutes")}
        />
        <Field
          label="Buffer after (minutes)"
          type="number"
          min={0}
          value={draft.bufferAfterMinutes}
          onChange={(e) => set("bufferAfterMinutes", e.target.value)}
          error={messageFor(problem, "bufferAfterMinutes")}
        />
        <Field
          label="Minimum notice to book"
          hint={minutesHint}
          type="number"
          min={0}
          value={draft.minimumNoticeMinutes}
          onChange={(e) => set("minimumNoticeMinutes", e.target.value)}
          error={messageFor(problem, "minimumNoticeMinutes")}
        />
        <Field
          label="Booking window (days ahead)"
          type="number"
          min={1}
          value={draft.bookingWindowDays}
          onChange={(e) => set("bookingWindowDays", e.target.value)}
          error={messageFor(problem, "bookingWindowDays")}
        />
        <Field
          label="Notice to cancel or reschedule"
          hint={minutesHint}
          type="number"
          min={0}
          value={draft.changeNoticeMinutes}
          onChange={(e) => set("changeNoticeMinutes", e.target.value)}
          error={messageFor(problem, "changeNoticeMinutes")}
        />
        <Field
          label="Reminders (minutes before)"
          hint="Separated by commas, e.g. 1440, 60."
          value={draft.reminders}
          onChange={(e) => set("reminders", e.target.value)}
          error={messageFor(problem, "reminderMinutesBefore")}
        />
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-bookable`}
          type="checkbox"
          checked={draft.clientBookable}
          onChange={(e) => set("clientBookable", e.target.checked)}
        />
        <label htmlFor={`${id}-bookable`}>Clients can book it themselves in the portal</label>
      </div>
      <p role="status" className="hint">
        {saved}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={creating.loading || updating.loading}>
          {type ? "Save type" : "Create type"}
        </button>
      </div>
    </form>
  );
}
