import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../../gql";
import type { ApiKeyScope } from "../../gql/graphql";
import { CopyButton } from "../../shared/CopyButton";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { Field } from "../../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../../shared/results";

const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on ApiKeyCreated { secret apiKey { id name prefix } }
    }
  }
`);

const SCOPES: { scope: ApiKeyScope; label: string }[] = [
  { scope: "READ", label: "Read: query data" },
  { scope: "WRITE", label: "Write: create and change data" },
];

export function CreateApiKeyForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["READ"]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [createApiKey, { loading, error }] = useMutation(CreateApiKeyDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await createApiKey({ variables: { input: { name: name.trim(), scopes } } });
    const result = data?.createApiKey;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "ApiKeyCreated") {
      setCreated({ name: result.apiKey.name, secret: result.secret });
      setName("");
      onCreated();
    }
  };

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope)));

  return (
    <section className="card" aria-labelledby="new-key-title">
      <h2 id="new-key-title">New API key</h2>
      {created && (
        <div className="alert alert-info secret" role="status">
          <p>
            <strong>{created.name}</strong> is ready. Copy the key now: it will not be shown again.
          </p>
          <p className="secret-row">
            <code data-testid="api-key-secret">{created.secret}</code>
            <CopyButton text={created.secret} label="Copy key" />
          </p>
          <button type="button" className="button button-link" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Field
          label="Key name"
          name="name"
          value={name}
          hint="What the key is for, e.g. the integration's name."
          onChange={(e) => setName(e.target.value)}
          error={messageFor(problem, "name")}
        />
        <fieldset className="fieldset">
          <legend>Scopes</legend>
          {SCOPES.map(({ scope, label }) => (
            <div key={scope} className="field checkbox">
              <input
                id={`scope-${scope}`}
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <label htmlFor={`scope-${scope}`}>{label}</label>
            </div>
          ))}
          {messageFor(problem, "scopes") && <p className="field-error">{messageFor(problem, "scopes")}</p>}
        </fieldset>
        {generalMessage(problem, ["name", "scopes"]) && (
          <p className="alert alert-error" role="alert">
            {generalMessage(problem, ["name", "scopes"])}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Creating…" : "Create key"}
        </button>
      </form>
    </section>
  );
}
