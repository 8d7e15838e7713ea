import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import { formatDateTime } from "../shared/format";
import { Loading } from "../shared/QueryState";
import { describeError } from "../shared/ErrorMessage";
import { SkipLink } from "../shared/SkipLink";
import { useDebouncedValue } from "../shared/useDebouncedValue";
import { MailMessage, type Message } from "./MailMessage";

const DevMailboxDocument = graphql(`
  query DevMailbox($first: Int, $to: String) {
    devMailbox(first: $first, to: $to) {
      edges { node { id to from subject html text createdAt } }
    }
  }
`);

/**
 * Development only: mail that would have gone through Postmark, so magic links can be opened
 * right here. The API refuses it in production, and this page then says so.
 */
export function MailboxPage() {
  const [to, setTo] = useState("");
  const settledTo = useDebouncedValue(to.trim());
  // The open message is kept itself, not looked up in the list: the list empties while a new
  // recipient filter loads, and the preview must not unmount (and reload) under the reader's click.
  const [open, setOpen] = useState<Message | null>(null);
  const openId = open?.id ?? null;
  const {
    data: current,
    previousData,
    loading,
    error,
  } = useQuery(DevMailboxDocument, {
    variables: { first: 50, to: settledTo || null },
    pollInterval: 2000,
  });
  // While a new filter loads, the previous list stays: a loading line appearing above it would
  // move the list and the open message under the reader's pointer.
  const data = current ?? previousData;
  const messages = data?.devMailbox.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <SkipLink />
      <header className="topbar">
        <span className="brand-name">Dev mailbox</span>
      </header>
      <main id="main" className="page">
        <h1>Dev mailbox</h1>
        {error && !data ? (
          <div className="alert alert-info" role="alert">
            <p>The dev mailbox is not available here: {describeError(error)}</p>
            <p className="hint">It only exists in development, when no Postmark token is configured.</p>
          </div>
        ) : (
          <>
            <p className="hint">Emails this portal sent in development. Links open in this tab.</p>
            <div className="field">
              <label htmlFor="mailbox-to">Recipient</label>
              <input id="mailbox-to" type="search" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
            {loading && !data && <Loading label="Loading mail…" />}
            {data && messages.length === 0 && <p className="empty-state">No mail yet.</p>}
            <div className="mailbox">
              <ul className="plain-list mail-list" aria-label="Messages" aria-busy={loading}>
                {messages.map((message) => (
                  <li key={message.id}>
                    <button
                      type="button"
                      className={`mail-item ${message.id === openId ? "selected" : ""}`}
                      aria-current={message.id === openId ? "true" : undefined}
                      onClick={() => setOpen(message)}
                    >
                      <strong>{message.subject}</strong>
                      <span className="hint">
                        to {message.to} · {formatDateTime(message.createdAt)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {open && <MailMessage message={open} />}
            </div>
          </>
        )}
      </main>
    </>
  );
}
