import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { graphql } from "../../gql";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { Field } from "../../shared/Field";
import { generalMessage, messageFor, type Problem, problemOf } from "../../shared/results";
import { SecretNotice } from "./SecretNotice";

const CreateWebhookEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on WebhookEndpointCreated { secret endpoint { id url } }
    }
  }
`);

export interface EventTypeOption {
  name: string;
  description: string;
  producer: string;
}

const FIELDS = ["url", "eventTypes", "description"];

/** Registers an endpoint: URL, the events it receives (grouped by section), a note; the secret is shown once. */
export function CreateWebhookForm({ eventTypes, onCreated }: { eventTypes: EventTypeOption[]; onCreated: () => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [create, { loading, error }] = useMutation(CreateWebhookEndpointDocument);
  const producers = [...new Set(eventTypes.map((type) => type.producer))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await create({ variables: { input: { url: url.trim(), eventTypes: chosen, description: description.trim() } } });
    const result = data?.createWebhookEndpoint;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "WebhookEndpointCreated") {
      setCreated({ url: result.endpoint.url, secret: result.secret });
      setUrl("");
      setDescription("");
      setChosen([]);
      onCreated();
    }
  };
  const toggle = (name: string, on: boolean) => setChosen((current) => (on ? [...current, name] : current.filter((n) => n !== name)));
  const eventsError = problem?.field?.startsWith("eventTypes") ? problem.message : undefined;

  return (
    <section className="card" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">New endpoint</h2>
      {created && <SecretNotice title={`${created.url} is registered.`} secret={created.secret} onDone={() => setCreated(null)} />}
      <form onSubmit={submit} noValidate>
        <Field
          label="Endpoint URL"
          name="url"
          type="url"
          value={url}
          hint="Where events are POSTed. Must be https on a public address."
          onChange={(e) => setUrl(e.target.value)}
          error={messageFor(problem, "url")}
        />
        <Field
          label="Description (optional)"
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={messageFor(problem, "description")}
        />
        <fieldset className="fieldset">
          <legend>Events to send</legend>
          {producers.map((producer) => (
            <fieldset key={producer} className="fieldset">
              <legend>{producer}</legend>
              {eventTypes
                .filter((type) => type.producer === producer)
                .map((type) => (
                  <div key={type.name} className="field checkbox">
                    <input
                      id={`event-${type.name}`}
                      type="checkbox"
                      checked={chosen.includes(type.name)}
                      onChange={(e) => toggle(type.name, e.target.checked)}
                    />
                    <label htmlFor={`event-${type.name}`}>
                      <code>{type.name}</code> <span className="hint">{type.description}</span>
                    </label>
                  </div>
                ))}
            </fieldset>
          ))}
          {eventsError && <p className="field-error">{eventsError}</p>}
        </fieldset>
        {!eventsError && generalMessage(problem, FIELDS) && (
          <p className="alert alert-error" role="alert">
            {generalMessage(problem, FIELDS)}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Registering…" : "Register endpoint"}
        </button>
      </form>
    </section>
  );
}
