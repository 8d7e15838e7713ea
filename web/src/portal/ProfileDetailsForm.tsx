import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { ErrorMessage } from "../shared/ErrorMessage";
import { Field } from "../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../shared/results";

const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on ProfileSuccess { contact { id name firstName phone email } }
    }
  }
`);

interface ProfileDetailsFormProps {
  contact: { name: string; phone: string | null };
}

export function ProfileDetailsForm({ contact }: ProfileDetailsFormProps) {
  const [name, setName] = useState(contact.name);
  const [phone, setPhone] = useState(contact.phone ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [updateProfile, { loading, error }] = useMutation(UpdateProfileDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { data } = await updateProfile({ variables: { input: { name: name.trim(), phone: phone.trim() || null } } });
    if (!data) return;
    const failure = problemOf(data.updateProfile);
    setProblem(failure);
    setSaved(!failure);
  };

  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">Your details</h2>
      <form onSubmit={submit} noValidate>
        <Field
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={messageFor(problem, "name")}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={messageFor(problem, "phone")}
        />
        {generalMessage(problem, ["name", "phone"]) && (
          <p className="alert alert-error" role="alert">
            {generalMessage(problem, ["name", "phone"])}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={loading}>
            {loading ? "Saving…" : "Save details"}
          </button>
          <span role="status">{saved ? "Saved" : ""}</span>
        </div>
      </form>
    </section>
  );
}
