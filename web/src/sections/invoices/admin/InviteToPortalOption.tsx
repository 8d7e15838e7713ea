import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

/** Identity owns portal access; the supergraph answers it next to the invoice's contact id. */
const InvoiceContactAccessDocument = graphql(`
  query InvoiceContactAccess($id: ID!) {
    contact(id: $id) { id name access { status } }
  }
`);

interface InviteToPortalOptionProps {
  contactId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * "Also invite … to the portal" when sending an invoice to a contact who has no portal access yet.
 * Contacts already invited, active or revoked get no checkbox (revoked access is never re-granted here).
 */
export function InviteToPortalOption({ contactId, checked, onChange }: InviteToPortalOptionProps) {
  const { data } = useQuery(InvoiceContactAccessDocument, { variables: { id: contactId } });
  const contact = data?.contact;
  if (!contact || contact.access.status !== "NONE") return null;
  return (
    <div className="field checkbox">
      <input id="invite-to-portal" type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor="invite-to-portal">Also invite {contact.name} to the portal</label>
    </div>
  );
}
