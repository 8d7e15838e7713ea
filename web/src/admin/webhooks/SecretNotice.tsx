import { CopyButton } from "../../shared/CopyButton";

/** The signing secret, shown once: after "I have copied it" it is gone for good. */
export function SecretNotice({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  return (
    <div className="alert alert-info secret" role="status">
      <p>
        <strong>{title}</strong> Copy the signing secret now: it will not be shown again. Receivers verify the{" "}
        <code>webhook-signature</code> header with it.
      </p>
      <p className="secret-row">
        <code data-testid="webhook-secret">{secret}</code>
        <CopyButton text={secret} label="Copy secret" />
      </p>
      <button type="button" className="button button-link" onClick={onDone}>
        I have copied it
      </button>
    </div>
  );
}
