import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { ContactDetailQuery } from "../../gql/graphql";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { formatDateTime } from "../../shared/format";

const EndSessionDocument = graphql(`
  mutation EndSession($sessionId: ID!) {
    endSession(sessionId: $sessionId) {
      __typename
      ... on UserError { message }
    }
  }
`);

type Session = NonNullable<ContactDetailQuery["contact"]>["sessions"][number];

/** The contact's signed-in devices; ending one signs that device out at once. */
export function SessionsList({ sessions, onChanged }: { sessions: Session[]; onChanged: () => void }) {
  const [endSession, { loading, error, data }] = useMutation(EndSessionDocument);
  const failure = data?.endSession.__typename.endsWith("Error") ? data.endSession : null;
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in sessions</h2>
      {error && <ErrorMessage error={error} />}
      {failure && "message" in failure && (
        <p className="alert alert-error" role="alert">
          {failure.message}
        </p>
      )}
      {sessions.length === 0 ? (
        <p className="hint">Not signed in anywhere.</p>
      ) : (
        <ul className="plain-list">
          {sessions.map((session) => (
            <li key={session.id} className="session">
              <div>
                <strong>{session.userAgent ?? "Unknown device"}</strong>
                <p className="hint">
                  {session.ip ?? "unknown address"} · signed in {formatDateTime(session.createdAt)} · last seen{" "}
                  {formatDateTime(session.lastSeenAt)} · expires {formatDateTime(session.expiresAt)}
                </p>
              </div>
              <button
                type="button"
                className="button button-small button-danger"
                disabled={loading}
                onClick={async () => {
                  await endSession({ variables: { sessionId: session.id } });
                  onChanged();
                }}
              >
                End session
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
