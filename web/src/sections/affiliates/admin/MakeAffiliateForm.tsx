import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import { problemOf } from "../../../shared/results";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { AdminAffiliatesDocument, AffiliateContactOptionsDocument, MakeAffiliateDocument } from "./operations";

/** Make a contact an affiliate: search contacts, choose one, optionally invite them to the portal. */
export function MakeAffiliateForm({ onDone }: { onDone: (message: string) => void }) {
  const id = useId();
  const [search, setSearch] = useState("");
  const [contactId, setContactId] = useState("");
  const [invite, setInvite] = useState(true);
  const [error, setError] = useState("");
  const settled = useDebouncedValue(search.trim());
  const options = useQuery(AffiliateContactOptionsDocument, { variables: { search: settled || null } });
  const [make, { loading }] = useMutation(MakeAffiliateDocument, { refetchQueries: [AdminAffiliatesDocument] });
  const contacts = options.data?.contacts.edges.map((edge) => edge.node) ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!contactId) {
      setError("Choose a contact.");
      return;
    }
    const result = (await make({ variables: { contactId, inviteToPortal: invite } })).data?.makeAffiliate;
    if (result?.__typename === "AffiliateSuccess") {
      setError("");
      setContactId("");
      setSearch("");
      onDone(`${result.affiliate.name} is now an affiliate.`);
    } else setError(problemOf(result)?.message ?? "Could not make this contact an affiliate.");
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>Make a contact an affiliate</h2>
      <div className="aff-inline-form">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search contacts</label>
          <input
            id={`${id}-search`}
            type="search"
            placeholder="Name or email"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-contact`}>Contact</label>
          <select
            id={`${id}-contact`}
            value={contactId}
            onChange={(event) => setContactId(event.currentTarget.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-busy={options.loading}
          >
            <option value="">{options.loading && !options.data ? "Loading contacts…" : "Choose a contact"}</option>
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name} ({contact.email})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Saving…" : "Make affiliate"}
        </button>
      </div>
      <div className="field checkbox">
        <input id={`${id}-invite`} type="checkbox" checked={invite} onChange={(event) => setInvite(event.currentTarget.checked)} />
        <label htmlFor={`${id}-invite`}>Invite them to the portal if they have no access yet</label>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
