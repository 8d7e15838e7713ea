import { useId, useRef, useState, type ReactNode } from "react";
import { problemOf } from "../../../shared/results";
import { SlotPicker } from "./SlotPicker";
import { describeWhen, type SlotLike } from "./time";

interface ChooseTimeProps {
  typeId: string;
  hostStaffId?: string | null;
  timeZone: string;
  bookingWindowDays: number;
  /** Sends the chosen time; answers the mutation's result (success or a UserError). */
  onConfirm: (slot: SlotLike) => Promise<{ __typename?: string } | null | undefined>;
  confirmLabel: string;
  busyLabel: string;
  /** Shown above the confirm button with the chosen time (what, with whom). */
  summary?: ReactNode;
  /** Extra fields for the confirmation (e.g. staff's "invite to the portal"). */
  children?: ReactNode;
}

/**
 * Pick a free time, then confirm it. If someone took it in the meantime ("SlotTakenError") it says
 * so plainly and shows the free times afresh.
 */
export function ChooseTime({
  typeId,
  hostStaffId,
  timeZone,
  bookingWindowDays,
  onConfirm,
  confirmLabel,
  busyLabel,
  summary,
  children,
}: ChooseTimeProps) {
  const id = useId();
  const [chosen, setChosen] = useState<SlotLike | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; taken: boolean } | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const problemRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const confirm = async () => {
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await onConfirm(chosen);
      if (result?.__typename?.endsWith("Success")) return;
      const found = problemOf(result as Record<string, unknown>);
      const taken = found?.kind === "SlotTakenError";
      setProblem({
        message: taken ? "That time was just taken. Please choose another." : (found?.message ?? "Something went wrong. Please try again."),
        taken,
      });
      if (taken) {
        setChosen(null);
        setRefreshKey((key) => key + 1);
      }
      requestAnimationFrame(() => problemRef.current?.focus());
    } catch {
      setProblem({ message: "Could not reach the server. Check your connection and try again.", taken: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {problem && (
        <div
          ref={problemRef}
          tabIndex={-1}
          className="alert alert-error"
          role="alert"
          data-testid={problem.taken ? "slot-taken" : "booking-problem"}
        >
          <p>{problem.message}</p>
          {problem.taken && <p>The free times below are up to date.</p>}
        </div>
      )}
      <SlotPicker
        typeId={typeId}
        hostStaffId={hostStaffId}
        timeZone={timeZone}
        bookingWindowDays={bookingWindowDays}
        chosen={chosen?.startsAt ?? null}
        onChoose={(slot) => {
          setChosen(slot);
          if (slot) requestAnimationFrame(() => confirmRef.current?.scrollIntoView?.({ block: "nearest" }));
        }}
        refreshKey={refreshKey}
      />
      {chosen && (
        <section ref={confirmRef} className="card" aria-labelledby={`${id}-confirm`} data-testid="confirm-booking">
          <h2 id={`${id}-confirm`}>Confirm</h2>
          {summary}
          <p data-testid="chosen-time">
            <strong>{describeWhen(chosen.startsAt, chosen.endsAt, timeZone)}</strong>
          </p>
          {children}
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
              {busy ? busyLabel : confirmLabel}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
