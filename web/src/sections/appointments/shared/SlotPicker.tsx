import { useQuery } from "@apollo/client/react";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { QueryState } from "../../../shared/QueryState";
import { AppointmentSlotsDocument } from "./operations";
import {
  addMonths,
  dayKey,
  formatDay,
  formatMonth,
  formatTime,
  groupSlotsByDay,
  monthGrid,
  monthOf,
  monthQueryRange,
  shortZoneName,
  type SlotLike,
} from "./time";
import "./appointments.css";

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

interface SlotPickerProps {
  typeId: string;
  hostStaffId?: string | null;
  /** The zone days and times are shown in. */
  timeZone: string;
  /** How far ahead the type may be booked: the last month offered. */
  bookingWindowDays: number;
  /** The chosen slot's start, if any. */
  chosen: string | null;
  onChoose: (slot: SlotLike | null) => void;
  /** Changing it asks for the free slots afresh (after "that time was just taken"). */
  refreshKey?: number;
}

/**
 * A month of days with free times (days without any are not buttons), then the free times of the
 * chosen day as a labelled group of buttons; the chosen time is pressed. Arrow keys move between times.
 */
export function SlotPicker({ typeId, hostStaffId, timeZone, bookingWindowDays, chosen, onChoose, refreshKey = 0 }: SlotPickerProps) {
  const id = useId();
  // "Now" is fixed per load (the variables must not change on every render), renewed on refresh.
  const [now, setNow] = useState(() => new Date());
  const firstMonth = monthOf(dayKey(now, timeZone));
  const lastMonth = monthOf(dayKey(new Date(now.getTime() + bookingWindowDays * 86_400_000), timeZone));
  const [month, setMonth] = useState(firstMonth);
  const [day, setDay] = useState<string | null>(null);
  const range = useMemo(() => monthQueryRange(month, now), [month, now]);
  const { data, loading, error, refetch } = useQuery(AppointmentSlotsDocument, {
    variables: { typeId, from: range.from, to: range.to, hostStaffId: hostStaffId ?? null },
    fetchPolicy: "network-only",
  });
  const firstRefresh = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new refresh key is the signal to ask again from now
  useEffect(() => {
    if (firstRefresh.current) {
      firstRefresh.current = false;
      return;
    }
    setNow(new Date());
  }, [refreshKey]);
  const days = useMemo(
    () => groupSlotsByDay(data?.appointmentSlots ?? [], timeZone).filter((entry) => monthOf(entry.day) === month),
    [data, timeZone, month],
  );
  const byDay = new Map(days.map((entry) => [entry.day, entry.slots]));
  const shownDay = day && byDay.has(day) ? day : (days[0]?.day ?? null);
  const slots = shownDay ? (byDay.get(shownDay) ?? []) : [];
  const zone = shortZoneName(timeZone, slots[0]?.startsAt ?? now);

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? buttons.length - 1
          : event.key === "ArrowRight" || event.key === "ArrowDown"
            ? Math.min(buttons.length - 1, index + 1)
            : Math.max(0, index - 1);
    buttons[next]?.focus();
  };

  return (
    <div className="appt-picker" data-testid="slot-picker">
      <p className="hint">
        Times are shown in your time zone: {timeZone} ({zone}).
      </p>
      <div className="appt-month-nav">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={month <= firstMonth}
          onClick={() => {
            setMonth(addMonths(month, -1));
            setDay(null);
          }}
        >
          <span aria-hidden="true">← </span>Previous month
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={month >= lastMonth}
          onClick={() => {
            setMonth(addMonths(month, 1));
            setDay(null);
          }}
        >
          Next month<span aria-hidden="true"> →</span>
        </button>
      </div>
      <table className="appt-calendar" aria-describedby={`${id}-calendar-hint`}>
        <caption aria-live="polite">{formatMonth(month)}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col">
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week.find(Boolean) ?? "blank"}>
              {week.map((cell, index) => {
                // biome-ignore lint/suspicious/noArrayIndexKey: a blank cell's place in its week is all that tells it apart
                if (!cell) return <td key={`blank-${index}`} />;
                const free = byDay.get(cell)?.length ?? 0;
                return (
                  <td key={cell}>
                    <button
                      type="button"
                      className="appt-day"
                      disabled={free === 0}
                      aria-pressed={free > 0 ? cell === shownDay : undefined}
                      aria-label={`${formatDay(cell)}: ${free === 0 ? "no free times" : free === 1 ? "1 free time" : `${free} free times`}`}
                      onClick={() => {
                        setDay(cell);
                        onChoose(null);
                      }}
                    >
                      {Number(cell.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${id}-calendar-hint`} className="visually-hidden">
        Days with free times are buttons; choose one to see its times.
      </p>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Looking for free times…" onRetry={() => void refetch()}>
        {() =>
          shownDay ? (
            <fieldset className="appt-day-group" data-testid="slot-day">
              <legend>Free times on {formatDay(shownDay)}</legend>
              <ul className="appt-slots" onKeyDown={moveFocus}>
                {slots.map((slot) => (
                  <li key={slot.startsAt}>
                    <button
                      type="button"
                      className="appt-slot"
                      aria-pressed={chosen === slot.startsAt}
                      onClick={() => onChoose(chosen === slot.startsAt ? null : slot)}
                    >
                      {formatTime(slot.startsAt, timeZone)}
                    </button>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : (
            <p className="empty-state" data-testid="no-slots">
              No free times in {formatMonth(month)}.{month < lastMonth && " Try the next month."}
            </p>
          )
        }
      </QueryState>
    </div>
  );
}
