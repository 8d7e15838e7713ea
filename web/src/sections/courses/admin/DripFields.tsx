import { useId } from "react";
import type { CourseDripKind } from "../../../gql/graphql";

export interface DripDraft {
  kind: CourseDripKind;
  days: string;
  /** yyyy-mm-dd, opening at the start of that day in the browser's time zone. */
  date: string;
}

export function dripDraftOf(drip: { kind: CourseDripKind; days?: number | null; date?: string | null } | null | undefined): DripDraft {
  const date = drip?.date ? new Date(drip.date) : null;
  const local = date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`
    : "";
  return { kind: drip?.kind ?? "NONE", days: drip?.days != null ? String(drip.days) : "7", date: local };
}

/** The drip input the server takes, or a message saying what is missing. */
export function dripInputOf(draft: DripDraft): { kind: CourseDripKind; days?: number; date?: string } | string {
  if (draft.kind === "AFTER_DAYS") {
    const days = Number(draft.days);
    if (!Number.isInteger(days) || days < 0 || days > 3650) return "Enter a number of days from 0 to 3650.";
    return { kind: "AFTER_DAYS", days };
  }
  if (draft.kind === "ON_DATE") {
    if (!draft.date) return "Choose the day it opens.";
    const [year, month, day] = draft.date.split("-").map(Number);
    return { kind: "ON_DATE", date: new Date(year!, month! - 1, day!).toISOString() };
  }
  return { kind: "NONE" };
}

/** When a module or lesson opens for a student: at once, some days after enrolment, or on a day. */
export function DripFields({
  value,
  onChange,
  what,
}: {
  value: DripDraft;
  onChange: (next: DripDraft) => void;
  what: "module" | "lesson";
}) {
  const id = useId();
  return (
    <fieldset className="fieldset course-drip">
      <legend>When it opens</legend>
      <div className="field checkbox">
        <input
          id={`${id}-none`}
          type="radio"
          name={`${id}-kind`}
          checked={value.kind === "NONE"}
          onChange={() => onChange({ ...value, kind: "NONE" })}
        />
        <label htmlFor={`${id}-none`}>{what === "module" ? "At once" : "With its module"}</label>
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-days`}
          type="radio"
          name={`${id}-kind`}
          checked={value.kind === "AFTER_DAYS"}
          onChange={() => onChange({ ...value, kind: "AFTER_DAYS" })}
        />
        <label htmlFor={`${id}-days`}>Some days after the student's enrolment</label>
      </div>
      {value.kind === "AFTER_DAYS" && (
        <div className="field course-drip-detail">
          <label htmlFor={`${id}-days-value`}>Days after enrolment</label>
          <input
            id={`${id}-days-value`}
            type="number"
            min={0}
            max={3650}
            inputMode="numeric"
            value={value.days}
            onChange={(e) => onChange({ ...value, days: e.target.value })}
          />
        </div>
      )}
      <div className="field checkbox">
        <input
          id={`${id}-date`}
          type="radio"
          name={`${id}-kind`}
          checked={value.kind === "ON_DATE"}
          onChange={() => onChange({ ...value, kind: "ON_DATE" })}
        />
        <label htmlFor={`${id}-date`}>On a date</label>
      </div>
      {value.kind === "ON_DATE" && (
        <div className="field course-drip-detail">
          <label htmlFor={`${id}-date-value`}>Opens on</label>
          <input id={`${id}-date-value`} type="date" value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} />
        </div>
      )}
    </fieldset>
  );
}
