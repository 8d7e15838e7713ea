import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import type { StaffAvailabilityFieldsFragment } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useViewer } from "../../../shared/viewer";
import { browserTimeZone, formatDay, timeZoneOptions } from "../shared/time";
import { AppointmentTabs } from "./AppointmentTabs";
import {
  intervalsDraftOf,
  intervalsInput,
  intervalsProblem,
  WEEKDAY_NAMES,
  weekDraftOf,
  weeklyInput,
  type IntervalDraft,
  type WeekDraft,
} from "./availabilityDraft";
import {
  AppointmentStaffDocument,
  RemoveDateOverrideDocument,
  SetDateOverrideDocument,
  SetWeeklyAvailabilityDocument,
  StaffAvailabilityDocument,
} from "./operations";

/** A staff member's weekly hours in their time zone, and date overrides (days off, other hours). */
export function AvailabilityPage() {
  const id = useId();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const staffId = params.get("staff") ?? viewer.staff?.id ?? "";
  const staff = useQuery(AppointmentStaffDocument);
  const { data, loading, error, refetch } = useQuery(StaffAvailabilityDocument, {
    variables: { staffId },
    skip: !staffId,
    fetchPolicy: "cache-and-network",
  });
  useEffect(() => {
    document.title = "Appointments – Availability";
  }, []);
  return (
    <>
      <h1>Appointments</h1>
      <AppointmentTabs />
      <div className="field">
        <label htmlFor={`${id}-staff`}>Team member</label>
        <select id={`${id}-staff`} value={staffId} onChange={(event) => setParams({ staff: event.target.value })}>
          {staff.data?.staffMembers.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      </div>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading availability…" onRetry={() => void refetch()}>
        {({ staffAvailability }) => (
          <>
            <WeeklyForm key={`${staffId}-weekly`} staffId={staffId} availability={staffAvailability ?? null} />
            <Overrides key={`${staffId}-overrides`} staffId={staffId} availability={staffAvailability ?? null} />
          </>
        )}
      </QueryState>
    </>
  );
}

function IntervalRows({
  label,
  intervals,
  onChange,
}: {
  label: string;
  intervals: IntervalDraft[];
  onChange: (intervals: IntervalDraft[]) => void;
}) {
  const id = useId();
  return (
    <>
      {intervals.map((interval, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity
        <div key={index} className="appt-interval">
          <div className="field">
            <label htmlFor={`${id}-${index}-start`}>
              From
              <span className="visually-hidden">
                {" "}
                ({label}, hours {index + 1})
              </span>
            </label>
            <input
              id={`${id}-${index}-start`}
              type="time"
              value={interval.start}
              onChange={(e) => onChange(intervals.map((row, i) => (i === index ? { ...row, start: e.target.value } : row)))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${index}-end`}>
              To
              <span className="visually-hidden">
                {" "}
                ({label}, hours {index + 1})
              </span>
            </label>
            <input
              id={`${id}-${index}-end`}
              type="time"
              value={interval.end}
              onChange={(e) => onChange(intervals.map((row, i) => (i === index ? { ...row, end: e.target.value } : row)))}
            />
          </div>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onChange(intervals.filter((_, i) => i !== index))}
          >
            Remove
            <span className="visually-hidden">
              {" "}
              {label} hours {index + 1}
            </span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          const last = intervals.at(-1);
          onChange([
            ...intervals,
            last
              ? {
                  start: last.end,
                  end: last.end < "23:00" ? `${String(Number(last.end.slice(0, 2)) + 1).padStart(2, "0")}:${last.end.slice(3)}` : "23:59",
                }
              : { start: "09:00", end: "17:00" },
          ]);
        }}
      >
        Add hours<span className="visually-hidden"> to {label}</span>
      </button>
    </>
  );
}

function WeeklyForm({ staffId, availability }: { staffId: string; availability: StaffAvailabilityFieldsFragment | null }) {
  const id = useId();
  const [timeZone, setTimeZone] = useState(availability?.timeZone || browserTimeZone());
  const [week, setWeek] = useState<WeekDraft>(() => weekDraftOf(availability?.weekly ?? []));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [save, { loading }] = useMutation(SetWeeklyAvailabilityDocument, { refetchQueries: [StaffAvailabilityDocument] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    for (const [index, intervals] of week.entries()) {
      const problem = intervalsProblem(intervals);
      if (problem) {
        setMessage({ text: `${WEEKDAY_NAMES[index]}: ${problem}`, error: true });
        return;
      }
    }
    const result = (await save({ variables: { staffId, timeZone, weekly: weeklyInput(week) } })).data?.setWeeklyAvailability;
    if (result?.__typename === "StaffAvailabilitySuccess") setMessage({ text: "Weekly hours saved.", error: false });
    else setMessage({ text: problemOf(result)?.message ?? "Could not save. Please try again.", error: true });
  };
  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Weekly hours{availability ? ` of ${availability.staffName}` : ""}</h2>
      <div className="field">
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <select id={`${id}-zone`} value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
          {timeZoneOptions(timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">An end of 00:00 means midnight, the end of the day.</p>
      {WEEKDAY_NAMES.map((name, index) => (
        <fieldset key={name} className="appt-weekday fieldset">
          <legend>{name}</legend>
          {week[index]!.length === 0 && <p className="hint">Unavailable</p>}
          <IntervalRows
            label={name}
            intervals={week[index]!}
            onChange={(intervals) => setWeek((current) => current.map((day, i) => (i === index ? intervals : day)))}
          />
        </fieldset>
      ))}
      {message && (
        <p className={message.error ? "field-error" : "hint"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={loading}>
          Save weekly hours
        </button>
      </div>
    </form>
  );
}

function Overrides({ staffId, availability }: { staffId: string; availability: StaffAvailabilityFieldsFragment | null }) {
  const id = useId();
  const [date, setDate] = useState("");
  const [dayOff, setDayOff] = useState(true);
  const [intervals, setIntervals] = useState<IntervalDraft[]>([{ start: "09:00", end: "17:00" }]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [setOverride, { loading }] = useMutation(SetDateOverrideDocument, { refetchQueries: [StaffAvailabilityDocument] });
  const [remove] = useMutation(RemoveDateOverrideDocument, { refetchQueries: [StaffAvailabilityDocument] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date) {
      setMessage({ text: "Choose a date.", error: true });
      return;
    }
    const problem = dayOff ? null : intervalsProblem(intervals);
    if (problem) {
      setMessage({ text: problem, error: true });
      return;
    }
    const result = (await setOverride({ variables: { staffId, date, intervals: dayOff ? [] : intervalsInput(intervals) } })).data
      ?.setDateOverride;
    if (result?.__typename === "StaffAvailabilitySuccess") {
      setMessage({ text: `${formatDay(date)} saved.`, error: false });
      setDate("");
    } else setMessage({ text: problemOf(result)?.message ?? "Could not save. Please try again.", error: true });
  };
  const overrides = [...(availability?.overrides ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Date overrides</h2>
      <p className="hint">A day off, or other hours than the usual week on one date.</p>
      {overrides.length === 0 ? (
        <p className="hint">No overrides.</p>
      ) : (
        <ul className="plain-list" aria-label="Date overrides">
          {overrides.map((override) => (
            <li key={override.date} className="appt-interval">
              <span>
                <strong>{formatDay(override.date)}</strong>:{" "}
                {override.intervals.length === 0
                  ? "day off"
                  : intervalsDraftOf(override.intervals)
                      .map((interval) => `${interval.start}–${interval.end === "00:00" ? "midnight" : interval.end}`)
                      .join(", ")}
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={async () => {
                  const result = (await remove({ variables: { staffId, date: override.date } })).data?.removeDateOverride;
                  setMessage(
                    result?.__typename === "StaffAvailabilitySuccess"
                      ? { text: `${formatDay(override.date)}: back to the usual hours.`, error: false }
                      : { text: problemOf(result)?.message ?? "Could not remove it.", error: true },
                  );
                }}
              >
                Remove<span className="visually-hidden"> override of {formatDay(override.date)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label="Add a date override">
        <h3>Add an override</h3>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </div>
        <fieldset className="fieldset">
          <legend>On that date</legend>
          <div className="field checkbox">
            <input id={`${id}-off`} type="radio" name={`${id}-kind`} checked={dayOff} onChange={() => setDayOff(true)} />
            <label htmlFor={`${id}-off`}>Day off</label>
          </div>
          <div className="field checkbox">
            <input id={`${id}-hours`} type="radio" name={`${id}-kind`} checked={!dayOff} onChange={() => setDayOff(false)} />
            <label htmlFor={`${id}-hours`}>Available at these hours</label>
          </div>
        </fieldset>
        {!dayOff && <IntervalRows label="the override" intervals={intervals} onChange={setIntervals} />}
        {message && (
          <p className={message.error ? "field-error" : "hint"} role={message.error ? "alert" : "status"}>
            {message.text}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            Save override
          </button>
        </div>
      </form>
    </section>
  );
}
