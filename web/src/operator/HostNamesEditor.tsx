import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { ErrorMessage } from "../shared/ErrorMessage";
import { TextAreaField } from "../shared/Field";
import { problemOf, type Problem } from "../shared/results";

const UpdateHostNamesDocument = graphql(`
  mutation UpdateHostNames($businessId: ID!, $hostNames: [String!]!) {
    updateHostNames(businessId: $businessId, hostNames: $hostNames) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on BusinessSuccess { business { id hostNames } }
    }
  }
`);

/** Custom domains for the portal, one per line; each can belong to only one business. */
export function HostNamesEditor({ businessId, hostNames, slug }: { businessId: string; hostNames: string[]; slug: string }) {
  const [text, setText] = useState(hostNames.join("\n"));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [update, { loading, error }] = useMutation(UpdateHostNamesDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const names = text
      .split(/[\s,]+/)
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    const { data } = await update({ variables: { businessId, hostNames: names } });
    if (!data) return;
    const failure = problemOf(data.updateHostNames);
    setProblem(failure);
    setSaved(!failure);
    if (data.updateHostNames.__typename === "BusinessSuccess") setText(data.updateHostNames.business.hostNames.join("\n"));
  };

  return (
    <section className="card" aria-labelledby="hosts-title">
      <h2 id="hosts-title">Host names</h2>
      <form onSubmit={submit} noValidate>
        <TextAreaField
          label="Host names (one per line)"
          name="hostNames"
          rows={4}
          value={text}
          hint={`e.g. portal.example.com. Always reachable at ${slug}.localhost in development.`}
          onChange={(e) => setText(e.target.value)}
          error={problem?.message}
        />
        {error && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? "Saving…" : "Save host names"}
          </button>
          <span role="status">{saved ? "Saved" : ""}</span>
        </div>
      </form>
    </section>
  );
}
