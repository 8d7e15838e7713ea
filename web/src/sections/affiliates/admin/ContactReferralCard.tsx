import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { graphql } from "../../../gql";
import { formatDateTime } from "../../../shared/format";

const ContactReferralDocument = graphql(`
  query ContactReferral($contactId: ID!) {
    contact(id: $contactId) {
      id
      referral { id linkCode referredAt converted affiliate { id name } }
    }
    affiliates(first: 100) { edges { node { id name contactId status } } }
  }
`);

const SetContactReferrerDocument = graphql(`
  mutation SetContactReferrer($contactId: ID!, $affiliateId: ID) {
    setContactReferrer(contactId: $contactId, affiliateId: $affiliateId) {
      __typename
      ... on UserError { message }
    }
  }
`);

/**
 * "Referred by" on a contact's page in the console: which affiliate gets the credit for this
 * client, and staff's choice of one (the attribution a link or a referral code would have made).
 * Its own query, so the contact's page stands when affiliates cannot answer.
 */
export function ContactReferralCard({ contactId }: { contactId: string }) {
  const { data, error, refetch } = useQuery(ContactReferralDocument, { variables: { contactId } });
  const [setReferrer, { loading: saving }] = useMutation(SetContactReferrerDocument);
  const [choice, setChoice] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "status"; text: string } | null>(null);

  if (error)
    return (
      <section className="card" aria-labelledby="contact-referral-title">
        <h2 id="contact-referral-title">Referred by</h2>
        <p role="alert">Affiliate details could not be loaded right now.</p>
      </section>
    );
  if (!data?.contact) return null;
  const referral = data.contact.referral;
  const affiliates = data.affiliates.edges
    .map((edge) => edge.node)
    .filter((affiliate) => affiliate.status === "ACTIVE" && affiliate.contactId !== contactId);
  const selected = choice ?? referral?.affiliate.id ?? "";

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await setReferrer({ variables: { contactId, affiliateId: selected || null } });
    const answer = result.data?.setContactReferrer;
    if (answer && "message" in answer) return setMessage({ kind: "error", text: answer.message });
    setChoice(null);
    await refetch();
    setMessage({ kind: "status", text: "Saved" });
  }

  return (
    <section className="card" aria-labelledby="contact-referral-title">
      <h2 id="contact-referral-title">Referred by</h2>
      {referral ? (
        <p>
          <Link to={`/admin/affiliates/${referral.affiliate.id}`}>{referral.affiliate.name}</Link>
          {referral.linkCode ? ` through the link "${referral.linkCode}"` : " (chosen by staff)"}, {formatDateTime(referral.referredAt)}
          {referral.converted ? "; their payments earn commission, so the affiliate can no longer be changed." : "."}
        </p>
      ) : (
        <p>No affiliate referred this contact.</p>
      )}
      {!referral?.converted && (affiliates.length > 0 || referral) && (
        <form onSubmit={save}>
          <div className="field">
            <label htmlFor="contact-referrer">Credit to affiliate</label>
            <select id="contact-referrer" value={selected} onChange={(event) => setChoice(event.target.value)}>
              <option value="">Nobody</option>
              {affiliates.map((affiliate) => (
                <option key={affiliate.id} value={affiliate.id}>
                  {affiliate.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary" disabled={saving || selected === (referral?.affiliate.id ?? "")}>
            Save
          </button>
        </form>
      )}
      {message && <p role={message.kind === "error" ? "alert" : "status"}>{message.text}</p>}
    </section>
  );
}
