import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import type { DeadLetterStatus } from "../gql/graphql";
import { ErrorMessage } from "../shared/ErrorMessage";
import { formatDateTime, titleCase } from "../shared/format";
import { QueryState } from "../shared/QueryState";
import { problemOf } from "../shared/results";

const DeadLettersDocument = graphql(`
  query DeadLetters($first: Int, $after: String, $status: DeadLetterStatus) {
    deadLetters(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        cursor
        node {
          id
          consumer
          eventType
          eventId
          businessName
          payload
          error
          attempts
          status
          occurredAt
          lastFailedAt
          retriedAt
          resolvedAt
          discardedAt
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RetryDeadLetterDocument = graphql(`
  mutation RetryDeadLetter($id: ID!) {
    retryDeadLetter(id: $id) {
      __typename
      ... on UserError { message }
      ... on DeadLetterSuccess { deadLetter { id status retriedAt } }
    }
  }
`);

const DiscardDeadLetterDocument = graphql(`
  mutation DiscardDeadLetter($id: ID!) {
    discardDeadLetter(id: $id) {
      __typename
      ... on UserError { message }
      ... on DeadLetterSuccess { deadLetter { id status discardedAt } }
    }
  }
`);

const STATUSES: DeadLetterStatus[] = ["OPEN", "RETRYING", "RESOLVED", "DISCARDED"];
/** The email log's colours: failed, under way, done, set aside. */
const BADGES: Record<DeadLetterStatus, string> = {
  OPEN: "badge-email-failed",
  RETRYING: "badge-invited",
  RESOLVED: "badge-email-sent",
  DISCARDED: "badge-email-suppressed",
};

/** Pretty-prints the stored JSON; shows it as it is when it is not JSON. */
function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/**
 * Events a subgraph's consumer gave up on (after its retries, or at once when the payload broke its
 * contract), across the platform. An operator retries one once its cause is fixed, or discards it.
 */
export function DeadLettersPage() {
  const [status, setStatus] = useState<DeadLetterStatus | "">("OPEN");
  const { data, loading, error, refetch, fetchMore } = useQuery(DeadLettersDocument, {
    variables: { first: 25, status: status || null },
    fetchPolicy: "cache-and-network",
  });
  return (
    <>
      <div className="page-heading">
        <h1>Dead letters</h1>
        <button type="button" className="button button-secondary" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
      <p className="hint">
        Events a section could not handle, kept with their error. Retry one once its cause is fixed (it is handled at most once), or discard
        it.
      </p>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="dead-letter-status">Status</label>
          <select id="dead-letter-status" value={status} onChange={(e) => setStatus(e.target.value as DeadLetterStatus | "")}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {titleCase(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState loading={loading && !data} error={error} data={data} onRetry={() => void refetch()}>
        {({ deadLetters }) =>
          deadLetters.edges.length === 0 ? (
            <p className="empty-state">{status === "OPEN" ? "No open dead letters: every event was handled." : "No dead letters."}</p>
          ) : (
            <>
              <p className="hint">{deadLetters.totalCount} dead letters</p>
              <ul className="plain-list">
                {deadLetters.edges.map(({ node }) => (
                  <DeadLetterCard key={node.id} letter={node} onChanged={() => void refetch()} />
                ))}
              </ul>
              {deadLetters.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void fetchMore({ variables: { after: deadLetters.pageInfo.endCursor } })}
                >
                  Load more
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

interface Letter {
  id: string;
  consumer: string;
  eventType: string;
  eventId: string;
  businessName: string | null;
  payload: string;
  error: string;
  attempts: number;
  status: DeadLetterStatus;
  occurredAt: string;
  lastFailedAt: string;
  retriedAt: string | null;
  resolvedAt: string | null;
  discardedAt: string | null;
}

function DeadLetterCard({ letter, onChanged }: { letter: Letter; onChanged: () => void }) {
  const [retry, retrying] = useMutation(RetryDeadLetterDocument);
  const [discard, discarding] = useMutation(DiscardDeadLetterDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = retrying.loading || discarding.loading;
  const headingId = `dead-letter-${letter.id}`;

  const act = async (run: () => Promise<{ __typename?: string; message?: string } | null | undefined>) => {
    setProblem(null);
    const result = await run();
    setProblem(problemOf(result as Record<string, unknown> | null)?.message ?? null);
    onChanged();
  };

  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {letter.eventType} <span className="hint">→ {letter.consumer}</span>
      </h2>
      <p>
        <span className={`badge ${BADGES[letter.status]}`}>{titleCase(letter.status)}</span>{" "}
        <span className="hint">
          {letter.businessName ?? "Platform"} · {letter.attempts} attempt{letter.attempts === 1 ? "" : "s"} · last failed{" "}
          {formatDateTime(letter.lastFailedAt)}
          {letter.retriedAt && ` · retried ${formatDateTime(letter.retriedAt)}`}
          {letter.resolvedAt && ` · handled ${formatDateTime(letter.resolvedAt)}`}
          {letter.discardedAt && ` · discarded ${formatDateTime(letter.discardedAt)}`}
        </span>
      </p>
      <p>
        <strong>Error:</strong> {letter.error}
      </p>
      <details>
        <summary>
          Payload (event {letter.eventId}, recorded {formatDateTime(letter.occurredAt)})
        </summary>
        <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{prettyPayload(letter.payload)}</pre>
      </details>
      {letter.status === "OPEN" && (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(async () => (await retry({ variables: { id: letter.id } })).data?.retryDeadLetter)}
          >
            {retrying.loading ? "Retrying…" : "Retry"}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void act(async () => (await discard({ variables: { id: letter.id } })).data?.discardDeadLetter)}
          >
            {discarding.loading ? "Discarding…" : "Discard"}
          </button>
        </div>
      )}
      {(retrying.error || discarding.error) && <ErrorMessage error={(retrying.error ?? discarding.error)!} />}
      <p role="status">{problem ?? ""}</p>
    </li>
  );
}
