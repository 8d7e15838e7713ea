import { Link } from "react-router";
import type { ContactListItemFragment } from "../../gql/graphql";
import { formatDateTime } from "../../shared/format";
import { StatusBadge } from "../../shared/StatusBadge";
import { AccessActions } from "./AccessActions";

export function ContactsTable({ contacts }: { contacts: ContactListItemFragment[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Contacts with their portal access</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Access</th>
            <th scope="col">Last login</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id} data-testid={`contact-row-${contact.email}`}>
              <th scope="row">
                <Link to={`/admin/contacts/${contact.id}`}>{contact.name}</Link>
              </th>
              <td data-label="Email">{contact.email}</td>
              <td data-label="Access">
                <StatusBadge status={contact.access.status} />
              </td>
              <td data-label="Last login" data-testid="last-login">
                {formatDateTime(contact.access.lastLoginAt, "Never")}
              </td>
              <td data-label="Actions">
                <AccessActions contact={contact} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
