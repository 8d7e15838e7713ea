import { graphql } from "../../../gql";

/**
 * What signing needs of a document: its fields and the caller's own recipient. The sign and
 * decline mutations return it, so every screen showing these fields updates from the cache.
 */
export const SigningDocumentFragment = graphql(`
  fragment SigningDocument on Document {
    id
    title
    status
    signingOrder
    completedAt
    declinedAt
    signedPdfUrl
    originalPdfUrl
    fields { id recipientId kind page x y width height label required value }
    recipients { id name role order status isTheirTurn viewedAt signedAt declinedAt declineReason }
    myRecipient { id name role order status isTheirTurn viewedAt signedAt declinedAt }
  }
`);
