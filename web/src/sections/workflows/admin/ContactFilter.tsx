import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { graphql } from "../../../gql";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";

const WorkflowContactOptionsDocument = graphql(`
  query WorkflowContactOptions($search: String) {
    contacts(first: 50, search: $search) {
      edges { node { id name email } }
    }
  }
`);

interface ContactFilterProps {
  value: string;
  onChange: (contactId: string) => void;
}

/** The execution log's contact filter: type to narrow the list, then choose. */
export function ContactFilter({ value, onChange }: ContactFilterProps) {
  const id = useId();
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const { data, loading, error } = useQuery(WorkflowContactOptionsDocument, { variables: { search: deferred || null } });
  const options = data?.contacts.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="field contact-picker">
      <label htmlFor={`${id}-select`}>Contact</label>
      <div className="contact-picker-inputs">
        <input
          type="search"
          aria-label="Search contacts for contact"
          placeholder="Name or email"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select id={`${id}-select`} value={value} aria-busy={loading} onChange={(event) => onChange(event.target.value)}>
          <option value="">{loading && !data ? "Loading contacts…" : "All contacts"}</option>
          {value && !options.some((option) => option.id === value) && <option value={value}>The chosen contact</option>}
          {options.map((contact) => (
            <option key={contact.id} value={contact.id}>
              {contact.name} ({contact.email})
            </option>
          ))}
        </select>
      </div>
      {error && <p className="field-error">Could not load contacts.</p>}
    </div>
  );
}
