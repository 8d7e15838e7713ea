import { useQuery } from "@apollo/client/react";
import { BackLink } from "../../shared/BackLink";
import { Link, useParams } from "react-router";
import { graphql } from "../../gql";
import { ContactReferralCard } from "../../sections/affiliates/admin/ContactReferralCard";
import { formatDateTime } from "../../shared/format";
import { QueryState } from "../../shared/QueryState";
import { StatusBadge } from "../../shared/StatusBadge";
import { AccessActions } from "./AccessActions";
import { SessionsList } from "./SessionsList";
import { useContactAccessLive } from "./useContactAccessLive";

const ContactDetailDocument = graphql(`
  query ContactDetail($id: ID!) {
    contact(id: $id) {
      ...ContactListItem
      createdAt
      sessions { id createdAt lastSeenAt expiresAt ip userAgent current }
    }
  }
`);

export function ContactDetailPage() {
  const { contactId = "" } = useParams();
  useContactAccessLive();
  const { data, loading, error, refetch } = useQuery(ContactDetailDocument, { variables: { id: contactId } });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ contact }) =>
        !contact ? (
          <>
            <h1>Contact not found</h1>
            <Link to="/admin/contacts">Back to contacts</Link>
          </>
        ) : (
          <>
            <BackLink to="/admin/contacts" label="Back to contacts" />
            <div className="page-heading">
              <h1>{contact.name}</h1>
              <Link to={`/admin/contacts/${contact.id}/edit`} className="button button-secondary">
                Edit
              </Link>
            </div>
            <section className="card" aria-labelledby="contact-details-title">
              <h2 id="contact-details-title">Details</h2>
              <dl className="details">
                <dt>Email</dt>
                <dd>{contact.email}</dd>
                <dt>Phone</dt>
                <dd>{contact.phone ?? "—"}</dd>
                <dt>Email notifications</dt>
                <dd>{contact.dnd ? "Do not disturb (no emails)" : "On"}</dd>
                <dt>Added</dt>
                <dd>{formatDateTime(contact.createdAt)}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="contact-access-title">
              <h2 id="contact-access-title">Portal access</h2>
              <dl className="details">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={contact.access.status} />
                </dd>
                <dt>Invited</dt>
                <dd>{formatDateTime(contact.access.invitedAt)}</dd>
                <dt>Last login</dt>
                <dd data-testid="last-login">{formatDateTime(contact.access.lastLoginAt, "Never")}</dd>
                {contact.access.revokedAt && (
                  <>
                    <dt>Access removed</dt>
                    <dd>{formatDateTime(contact.access.revokedAt)}</dd>
                  </>
                )}
              </dl>
              <AccessActions contact={contact} />
            </section>
            <ContactReferralCard contactId={contact.id} />
            <SessionsList sessions={contact.sessions} onChanged={() => void refetch()} />
          </>
        )
      }
    </QueryState>
  );
}
