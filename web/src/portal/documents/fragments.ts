import { graphql } from "../../gql";

/**
 * A document as the client's detail page shows it (the signing fields come from SigningDocument).
 * Not `sentBy`: identity resolves Staff for staff callers only, so for a client it cannot be read;
 * the portal names the business as the sender.
 */
export const PortalDocumentDetailFragment = graphql(`
  fragment PortalDocumentDetail on Document {
    ...SigningDocument
    message
    sentAt
    expiresAt
    voidedAt
    voidReason
    pageCount
  }
`);

/** A row of the client's document lists. */
export const PortalDocumentListItemFragment = graphql(`
  fragment PortalDocumentListItem on Document {
    id
    title
    status
    sentAt
    completedAt
    declinedAt
    voidedAt
    myRecipient { id role status isTheirTurn signedAt }
  }
`);
