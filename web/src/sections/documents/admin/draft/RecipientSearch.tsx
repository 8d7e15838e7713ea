import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import type { PortalAccessStatus } from "../../../../gql/graphql";
import { useDebouncedValue } from "../../../../shared/useDebouncedValue";
import { DocumentContactOptionsDocument, DocumentStaffOptionsDocument } from "../documentOperations";

export interface PersonOption {
  id: string;
  name: string;
  email: string;
  /** Contacts only: their portal access, since a contact without it cannot open the document to sign. */
  accessStatus?: PortalAccessStatus;
}

/** What staff need to know before adding a contact whose portal access was removed. */
export const ACCESS_REMOVED_NOTE = "Access removed — they will not be able to sign until access is granted again.";

interface RecipientSearchProps {
  kind: "CONTACT" | "STAFF";
  /** Ids already on the document: shown as added, not offered again. */
  chosen: Set<string>;
  onAdd: (person: PersonOption) => void;
}

/** Type to find a contact (or a staff member, as counter-signer), then add them with a button. */
export function RecipientSearch({ kind, chosen, onAdd }: RecipientSearchProps) {
  const id = useId();
  const [search, setSearch] = useState("");
  const deferred = useDebouncedValue(search.trim());
  const contacts = useQuery(DocumentContactOptionsDocument, { variables: { search: deferred || null }, skip: kind !== "CONTACT" });
  const staff = useQuery(DocumentStaffOptionsDocument, { variables: { search: deferred || null }, skip: kind !== "STAFF" });
  const { loading, error } = kind === "CONTACT" ? contacts : staff;
  const options: PersonOption[] =
    kind === "CONTACT"
      ? (contacts.data?.contacts.edges.map(({ node }) => ({
          id: node.id,
          name: node.name,
          email: node.email,
          accessStatus: node.access.status,
        })) ?? [])
      : (staff.data?.staffMembers.edges.map((edge) => edge.node) ?? []);
  const noun = kind === "CONTACT" ? "contacts" : "staff members";
  const label = kind === "CONTACT" ? "Add a contact" : "Add a staff member (counter-signer)";
  return (
    <div className="recipient-search">
      <div className="field">
        <label htmlFor={`${id}-search`}>{label}</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search by name or email"
          value={search}
          aria-controls={`${id}-results`}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <ul id={`${id}-results`} className="recipient-options" aria-label={`Matching ${noun}`} aria-busy={loading}>
        {loading && options.length === 0 && <li className="hint">Loading {noun}…</li>}
        {error && <li className="field-error">Could not load {noun}.</li>}
        {!loading && !error && options.length === 0 && <li className="hint">No {noun} match.</li>}
        {options.slice(0, 8).map((person) => (
          <li key={person.id}>
            <span>
              {person.name} <span className="hint">{person.email}</span>
              {person.accessStatus === "REVOKED" && (
                <span className="access-note" id={`${id}-access-${person.id}`}>
                  {ACCESS_REMOVED_NOTE}
                </span>
              )}
            </span>
            {chosen.has(person.id) ? (
              <span className="hint">Added</span>
            ) : (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={`Add ${person.name}`}
                aria-describedby={person.accessStatus === "REVOKED" ? `${id}-access-${person.id}` : undefined}
                onClick={() => onAdd(person)}
              >
                Add
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
