import { useMutation, useQuery } from "@apollo/client/react";
import { type ReactNode, useId, useState } from "react";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { CopyButton } from "../../../shared/CopyButton";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { MyCalendarFeedDocument, ResetCalendarFeedDocument } from "./calendarFeedOperations";

/**
 * The signed-in person's secret calendar address (a client's: their appointments; a team member's:
 * those they host), to copy into a calendar app, and a reset that makes a new one and ends the old.
 */
export function CalendarFeedCard({ heading, children }: { heading: string; children: ReactNode }) {
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(MyCalendarFeedDocument);
  const [reset, { loading: resetting }] = useMutation(ResetCalendarFeedDocument);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  return (
    <section className="card" aria-labelledby={headingId} data-testid="calendar-feed">
      <h2 id={headingId}>{heading}</h2>
      {children}
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ myCalendarFeed }) =>
          myCalendarFeed ? (
            <>
              <code className="appt-feed-url" data-testid="calendar-feed-url">
                {myCalendarFeed.url}
              </code>
              <div className="actions">
                <CopyButton text={myCalendarFeed.url} label="Copy address" />
                <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                  Reset address
                </button>
              </div>
            </>
          ) : (
            <p className="hint">Your calendar address is not available right now.</p>
          )
        }
      </QueryState>
      <p role="status" className="hint">
        {message}
      </p>
      <ConfirmDialog
        open={confirming}
        title="Reset your calendar address?"
        confirmLabel="Reset address"
        busy={resetting}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          const result = (await reset()).data?.resetCalendarFeed;
          setConfirming(false);
          if (result?.__typename === "CalendarFeedSuccess") {
            setMessage("A new address was made. Calendars subscribed to the old one stop updating: subscribe again with the new one.");
            void refetch();
          } else setMessage(problemOf(result)?.message ?? "Could not reset the address. Please try again.");
        }}
      >
        <p>Calendars subscribed to the current address stop receiving these appointments.</p>
      </ConfirmDialog>
    </section>
  );
}
