import { useQuery } from "@apollo/client/react";
import { useParams } from "react-router";
import { graphql } from "../../gql";
import { QueryState } from "../../shared/QueryState";
import { ContactForm } from "./ContactForm";

const ContactForEditDocument = graphql(`
  query ContactForEdit($id: ID!) {
    contact(id: $id) { ...ContactListItem }
  }
`);

/** New contact, or edit one (loaded first) when the route has an id. */
export function ContactFormPage() {
  const { contactId } = useParams();
  if (!contactId) return <ContactForm />;
  return <EditContact contactId={contactId} />;
}

function EditContact({ contactId }: { contactId: string }) {
  const { data, loading, error, refetch } = useQuery(ContactForEditDocument, { variables: { id: contactId } });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ contact }) => (contact ? <ContactForm existing={contact} /> : <h1>Contact not found</h1>)}
    </QueryState>
  );
}
