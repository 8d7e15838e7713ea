import { graphql } from "../../gql";

/** A document as the client's detail page shows it (the signing fields come from SigningDocument). */
export const PortalDocumentDetailFragment = graphql(`
  fragment PortalDocumentDetail on Document {
    ...SigningDocument
    message
    sentAt
    expiresAt
    voidedAt
    voidReason
    pageCount
    sentBy { id name }
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
    sentBy { id name }
    myRecipient { id role status isTheirTurn signedAt }
  }
`);
