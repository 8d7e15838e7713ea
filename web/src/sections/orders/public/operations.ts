import { graphql } from "../../../gql";

export const PublicOfferDocument = graphql(`
  query PublicOffer($slug: String!) {
    publicOffer(slug: $slug) { slug name descriptionHtml price currency paymentMode stripePublishableKey }
  }
`);

export const StartOrderDocument = graphql(`
  mutation StartOrder($input: StartOrderInput!) {
    startOrder(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on RateLimitedError { retryAfterSeconds }
      ... on OrderStarted { orderId orderToken paymentMode clientSecret publishableKey amount currency }
    }
  }
`);

export const PublicOrderStatusFieldsFragment = graphql(`
  fragment PublicOrderStatusFields on PublicOrderStatus {
    orderId
    number
    status
    nextStep
    offerName
    amount
    currency
    buyerEmail
  }
`);

export const PayOrderWithTestPaymentDocument = graphql(`
  mutation PayOrderWithTestPayment($orderId: ID!, $orderToken: String!) {
    payOrderWithTestPayment(orderId: $orderId, orderToken: $orderToken) {
      __typename
      ... on UserError { message }
      ... on PublicOrderStatus { ...PublicOrderStatusFields }
    }
  }
`);

export const PublicOrderStatusDocument = graphql(`
  query PublicOrderStatus($orderId: ID!, $orderToken: String!) {
    publicOrderStatus(orderId: $orderId, orderToken: $orderToken) { ...PublicOrderStatusFields }
  }
`);
