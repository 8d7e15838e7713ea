import { graphql } from "../../../gql";

/**
 * A document as the client's detail page shows it (the signing fields come from SigningDocument).
 * Not `sentBy`: identity resolves Staff for staff callers only, so the client reads `sentByName`
 * (the business's name stands in when a document was sent with an API key).
 */
export const PortalDocumentDetailFragment = graphql(`
  fragment PortalDocumentDetail on Document {
    ...SigningDocument
    message
    sentAt
    sentByName
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
    sentByName
    completedAt
    declinedAt
    voidedAt
    myRecipient { id role status isTheirTurn signedAt }
  }
`);
