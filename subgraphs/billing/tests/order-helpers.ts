import { randomUUID } from "node:crypto";
import { callSubgraph, forkFor, saveBusinessSnapshot, sql, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { gql } from "./helpers.js";

export const OFFER_FIELDS = `id name description descriptionHtml price currency slug courseIds groupIds status publicUrl`;
const OFFER_RESULT = `__typename ... on OfferSuccess { offer { ${OFFER_FIELDS} } } ... on ValidationError { field message } ... on UserError { message }`;

export const OFFER_MUTATIONS = {
  create: `mutation($input: OfferInput!) { createOffer(input: $input) { ${OFFER_RESULT} } }`,
  update: `mutation($id: ID!, $input: OfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER_RESULT} } }`,
  archive: `mutation($id: ID!) { archiveOffer(id: $id) { ${OFFER_RESULT} } }`,
  restore: `mutation($id: ID!) { restoreOffer(id: $id) { ${OFFER_RESULT} } }`,
};

export const START_ORDER = `mutation($input: StartOrderInput!) { startOrder(input: $input) {
  __typename
  ... on OrderStarted { orderId orderToken paymentMode clientSecret publishableKey amount currency }
  ... on ValidationError { field message }
  ... on RateLimitedError { retryAfterSeconds }
  ... on UserError { message } } }`;
export const ORDER_STATUS = `query($id: ID!, $token: String!) { publicOrderStatus(orderId: $id, orderToken: $token) { orderId number status nextStep offerName amount currency buyerEmail } }`;
export const TEST_PAY = `mutation($id: ID!, $token: String!) { payOrderWithTestPayment(orderId: $id, orderToken: $token) {
  __typename ... on PublicOrderStatus { status nextStep } ... on UserError { message } } }`;
export const ORDER_FIELDS = `id number offerId offerName status amount currency buyerName buyerEmail referralCode contact { id } newContact courseIds groupIds paymentMethod paidAt receiptUrl`;

export function offerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "Brand photography course",
    description: "Learn **light** and colour.",
    price: 24900,
    currency: "usd",
    slug: `photo-${randomUUID().slice(0, 8)}`,
    courseIds: [randomUUID()],
    groupIds: [randomUUID()],
    ...overrides,
  };
}

/** A business billing knows (as identity's `identity.business.updated` would tell it), with its portal address. */
export async function knowBusiness(billing: RunningSubgraphProcess, businessId: string, portalUrl: string): Promise<void> {
  await forkFor(billing.orm, businessId).transactional((em) =>
    saveBusinessSnapshot(
      em,
      {
        id: businessId,
        slug: `biz-${businessId.slice(0, 8)}`,
        name: "Bright Studio",
        displayName: "Bright Studio",
        logoUrl: null,
        primaryColor: "#112233",
        accentColor: "#445566",
        portalUrl,
      },
      new Date().toISOString(),
    ),
  );
}

export async function createOffer(billing: RunningSubgraphProcess, staff: Caller, overrides: Record<string, unknown> = {}) {
  const data = await gql(billing, staff, OFFER_MUTATIONS.create, { input: offerInput(overrides) });
  if (data.createOffer.__typename !== "OfferSuccess") throw new Error(JSON.stringify(data.createOffer));
  return data.createOffer.offer;
}

export async function startOrder(billing: RunningSubgraphProcess, caller: Caller, input: Record<string, unknown>) {
  const response = await callSubgraph(billing.url, caller, START_ORDER, { input });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.startOrder;
}

export interface OrderOutboxRow {
  type: string;
  business_id: string;
  payload: Record<string, any>;
}

export function orderEvents(billing: RunningSubgraphProcess, orderId: string): Promise<OrderOutboxRow[]> {
  return sql<OrderOutboxRow>(
    forkFor(billing.orm, null),
    `select type, business_id, payload from billing.outbox_event where payload->>'orderId' = ? order by created_at`,
    [orderId],
  );
}
