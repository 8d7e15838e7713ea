import type { DevMailboxQuery } from "../gql/graphql";
import { formatDateTime } from "../shared/format";
import { SandboxedHtml } from "../shared/SandboxedHtml";

export type Message = DevMailboxQuery["devMailbox"]["edges"][number]["node"];

export function MailMessage({ message }: { message: Message }) {
  return (
    <article className="card mail-message" aria-labelledby="mail-subject" data-testid="mail-message">
      <h2 id="mail-subject">{message.subject}</h2>
      <p className="hint">
        From {message.from} to {message.to}, {formatDateTime(message.createdAt)}
      </p>
      <SandboxedHtml html={message.html} title={`Email: ${message.subject}`} linksOpenInThisTab />
      <details>
        <summary>Plain text</summary>
        <pre className="mail-text">{message.text}</pre>
      </details>
    </article>
  );
}
