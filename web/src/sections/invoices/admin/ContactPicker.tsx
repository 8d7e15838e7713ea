import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { graphql } from "../../../gql";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";

const ContactOptionsDocument = graphql(`
  query InvoiceContactOptions($search: String) {
    contacts(first: 50, search: $search) {
      edges { node { id name email } }
    }
  }
`);

interface ContactPickerProps {
  label: string;
  value: string;
  onChange: (contactId: string) => void;
  /** The option for "no contact": "All contacts" in filters, "Choose a contact" in the editor. */
  emptyLabel: string;
  /** The chosen contact when it may not be among the first matches (editing an old invoice). */
  selected?: { id: string; name: string } | null;
  error?: string;
}

/** A searchable contact select: type to narrow the list, then choose. */
export function ContactPicker({ label, value, onChange, emptyLabel, selected, error }: ContactPickerProps) {
  const id = useId();
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const { data, loading, error: loadError } = useQuery(ContactOptionsDocument, { variables: { search: deferred || null } });
  const options = data?.contacts.edges.map((edge) => edge.node) ?? [];
  const missingSelected = selected && value === selected.id && !options.some((option) => option.id === selected.id);
  return (
    <div className="field contact-picker">
      <label htmlFor={`${id}-select`}>{label}</label>
      <div className="contact-picker-inputs">
        {/* A short placeholder: it must fit the narrowest place the picker is shown (the list's filters). */}
        <input
          type="search"
          aria-label={`Search contacts for ${label.toLowerCase()}`}
          placeholder="Name or email"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select
          id={`${id}-select`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-busy={loading}
        >
          <option value="">{loading && !data ? "Loading contacts…" : emptyLabel}</option>
          {missingSelected && <option value={selected.id}>{selected.name}</option>}
          {options.map((contact) => (
            <option key={contact.id} value={contact.id}>
              {contact.name} ({contact.email})
            </option>
          ))}
        </select>
      </div>
      {loadError && <p className="field-error">Could not load contacts.</p>}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
