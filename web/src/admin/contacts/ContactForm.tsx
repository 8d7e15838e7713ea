import { useMutation } from "@apollo/client/react";
import { BackLink } from "../../shared/BackLink";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../../gql";
import type { ContactListItemFragment } from "../../gql/graphql";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { Field } from "../../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../../shared/results";

const CreateContactDocument = graphql(`
  mutation CreateContact($input: ContactInput!) {
    createContact(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on ContactSuccess { contact { ...ContactListItem } }
    }
  }
`);

const UpdateContactDocument = graphql(`
  mutation UpdateContact($id: ID!, $input: ContactInput!) {
    updateContact(id: $id, input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on ContactSuccess { contact { ...ContactListItem } }
    }
  }
`);

const FIELDS = ["name", "email", "phone", "dnd", "referralCode"];

export function ContactForm({ existing }: { existing?: ContactListItemFragment }) {
  const navigate = useNavigate();
  const [name, setName] = useState(existing?.name ?? "");
  const [email, setEmail] = useState(existing?.email ?? "");
  const [phone, setPhone] = useState(existing?.phone ?? "");
  const [dnd, setDnd] = useState(existing?.dnd ?? false);
  // Only a new contact takes a code: who referred an existing one is kept by the affiliates section.
  const [referralCode, setReferralCode] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [createContact, creation] = useMutation(CreateContactDocument, {
    // A new contact changes every contacts list (and its counts): drop them so they reload.
    update: (cache) => {
      cache.evict({ fieldName: "contacts" });
      cache.gc();
    },
  });
  const [updateContact, update] = useMutation(UpdateContactDocument);
  const saving = creation.loading || update.loading;
  const error = creation.error ?? update.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name: name.trim(), email: email.trim(), phone: phone.trim() || null, dnd };
    const creation = { ...input, referralCode: referralCode.trim() || null };
    const result = existing
      ? (await updateContact({ variables: { id: existing.id, input } })).data?.updateContact
      : (await createContact({ variables: { input: creation } })).data?.createContact;
    if (!result) return;
    const failure = problemOf(result);
    setProblem(failure);
    if (result.__typename === "ContactSuccess") await navigate(`/admin/contacts/${result.contact.id}`);
  };

  const general = generalMessage(problem, FIELDS, ["EmailTakenError"]);
  return (
    <>
      <BackLink
        to={existing ? `/admin/contacts/${existing.id}` : "/admin/contacts"}
        label={existing ? `Back to ${existing.name}` : "Back to contacts"}
      />
      <h1>{existing ? `Edit ${existing.name}` : "New contact"}</h1>
      <form className="card" onSubmit={submit} noValidate>
        <Field
          label="Name"
          name="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={messageFor(problem, "name")}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={messageFor(problem, "email", ["EmailTakenError"])}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={messageFor(problem, "phone")}
        />
        {!existing && (
          <Field
            label="Referral code (optional)"
            name="referralCode"
            hint="The code of the affiliate link they came through, to credit that affiliate."
            autoComplete="off"
            spellCheck={false}
            value={referralCode}
            onChange={(e) => setReferralCode(e.target.value)}
            error={messageFor(problem, "referralCode")}
          />
        )}
        <div className="field checkbox">
          <input id="contact-dnd" type="checkbox" checked={dnd} onChange={(e) => setDnd(e.target.checked)} />
          <label htmlFor="contact-dnd">Do not disturb: send no notifications (portal access is kept)</label>
        </div>
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : existing ? "Save changes" : "Create contact"}
        </button>
      </form>
    </>
  );
}
