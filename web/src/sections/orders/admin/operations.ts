import { graphql } from "../../../gql";

export const OfferFieldsFragment = graphql(`
  fragment OfferFields on Offer {
    id
    name
    description
    price
    currency
    slug
    courseIds
    groupIds
    status
    publicUrl
    updatedAt
  }
`);

export const OffersDocument = graphql(`
  query Offers($first: Int, $after: String, $status: OfferStatus) {
    offers(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...OfferFields } }
    }
  }
`);

export const OfferDocument = graphql(`
  query Offer($id: ID!) {
    offer(id: $id) { ...OfferFields }
  }
`);

export const CreateOfferDocument = graphql(`
  mutation CreateOffer($input: OfferInput!) {
    createOffer(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on OfferSuccess { offer { ...OfferFields } }
    }
  }
`);

export const UpdateOfferDocument = graphql(`
  mutation UpdateOffer($id: ID!, $input: OfferInput!) {
    updateOffer(id: $id, input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on OfferSuccess { offer { ...OfferFields } }
    }
  }
`);

export const ArchiveOfferDocument = graphql(`
  mutation ArchiveOffer($id: ID!) {
    archiveOffer(id: $id) {
      __typename
      ... on UserError { message }
      ... on OfferSuccess { offer { ...OfferFields } }
    }
  }
`);

export const RestoreOfferDocument = graphql(`
  mutation RestoreOffer($id: ID!) {
    restoreOffer(id: $id) {
      __typename
      ... on UserError { message }
      ... on OfferSuccess { offer { ...OfferFields } }
    }
  }
`);

export const StaffOrdersDocument = graphql(`
  query StaffOrders($first: Int, $after: String, $offerId: ID, $status: OrderStatus) {
    orders(first: $first, after: $after, offerId: $offerId, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id number offerId offerName status amount currency buyerName buyerEmail referralCode paymentMethod paidAt createdAt receiptUrl contact { id } }
      }
    }
  }
`);

export const OfferNamesDocument = graphql(`
  query OfferNames {
    offers(first: 100) { edges { node { id name } } }
  }
`);
