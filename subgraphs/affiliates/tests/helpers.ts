import { billing, identity } from "@portal/contracts";
import {
  type Caller,
  callSubgraph,
  dataOf,
  deliverEvent,
  fileRequest,
  forkFor,
  newTestTenant,
  type RunningSubgraphProcess,
  runSubgraph,
  sql,
  type TestPerson,
  type TestTenant,
  testRuntime,
} from "@portal/kit";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createAffiliatesSubgraph } from "../src/index.js";

export const databaseUrl = () => inject("databaseUrl" as never) as string;

/** The subgraph with its approval sweep off (tests run it by hand). */
export function startAffiliates(): Promise<RunningSubgraphProcess> {
  return runSubgraph(createAffiliatesSubgraph({ production: false, approvalIntervalMs: 0 }), testRuntime(databaseUrl()));
}

export { anonymousIn, apiKeyIn, contactIn, staffIn } from "@portal/kit";
export type Person = TestPerson;
export type Tenant = TestTenant;

/** A business as affiliates knows it from identity's events: its portal URL, an owner and contacts. */
export const newTenant = (subgraph: RunningSubgraphProcess, contactCount = 4) =>
  newTestTenant(subgraph, { contactCount, fallbackName: "Client" });

export const gql = dataOf;
export const raw = (subgraph: RunningSubgraphProcess, caller: Caller, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph(subgraph.url, caller, query, variables);

export const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
export const AFFILIATE = `id contactId name email status`;
export const COMMISSION = `id kind status amount currency baseAmount invoiceId referralLabel payableAt approvedAt paidAt cancelReason payoutId affiliate { id }`;

export const OPS = {
  programme: `query { affiliateProgramme { enabled commissionType commissionBasisPoints fixedAmount fixedCurrency recurringMonths attributionWindowDays holdDays minimumPayout allowedLandingUrls } }`,
  updateProgramme: `mutation($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { ${RESULT} ... on AffiliateProgrammeSuccess { programme { enabled allowedLandingUrls recurringMonths } } } }`,
  make: `mutation($contactId: ID!, $invite: Boolean) { makeAffiliate(contactId: $contactId, inviteToPortal: $invite) { ${RESULT} ... on AffiliateSuccess { affiliate { ${AFFILIATE} links { id code url landingUrl isDefault } } } } }`,
  remove: `mutation($id: ID!) { removeAffiliate(affiliateId: $id) { ${RESULT} ... on AffiliateSuccess { affiliate { id status } } } }`,
  createLink: `mutation($input: CreateReferralLinkInput!) { createReferralLink(input: $input) { ${RESULT} ... on ReferralLinkSuccess { link { id code url landingUrl isDefault } } } }`,
  deleteLink: `mutation($id: ID!) { deleteReferralLink(linkId: $id) { ${RESULT} ... on ReferralLinkSuccess { link { id } } } }`,
  setReferrer: `mutation($contactId: ID!, $affiliateId: ID) { setContactReferrer(contactId: $contactId, affiliateId: $affiliateId) { ${RESULT} ... on ReferralSuccess { referral { id label contactId linkCode converted affiliate { id } } } } }`,
  approve: `mutation($id: ID!) { approveCommission(commissionId: $id) { ${RESULT} ... on CommissionSuccess { commission { ${COMMISSION} } } } }`,
  cancel: `mutation($id: ID!, $reason: String!) { cancelCommission(commissionId: $id, reason: $reason) { ${RESULT} ... on CommissionSuccess { commission { ${COMMISSION} } } } }`,
  payout: `mutation($id: ID!, $currency: String!, $reference: String!) { recordAffiliatePayout(affiliateId: $id, currency: $currency, reference: $reference) { ${RESULT} ... on BelowMinimumPayoutError { minimumPayout owed } ... on AffiliatePayoutSuccess { payout { id amount currency reference commissionCount affiliate { id } } } } }`,
  affiliate: `query($id: ID!) { affiliate(id: $id) { ${AFFILIATE} } }`,
  affiliates: `query { affiliates(first: 50) { totalCount edges { node { ${AFFILIATE} } } } }`,
  myAffiliate: `query { myAffiliate { ${AFFILIATE} balances { currency pending approved paid } referrals(first: 10) { totalCount edges { node { label contactId linkCode converted } } } } }`,
  commissions: `query($affiliateId: ID, $status: CommissionStatus) { affiliateCommissions(affiliateId: $affiliateId, status: $status, first: 100) { totalCount edges { node { ${COMMISSION} } } } }`,
  balances: `query($id: ID!) { affiliate(id: $id) { balances { currency pending approved paid } } }`,
  due: `query { affiliatePayoutsDue { affiliate { id } currency amount commissionCount } }`,
  payouts: `query($affiliateId: ID) { affiliatePayouts(affiliateId: $affiliateId, first: 50) { totalCount edges { node { id amount currency reference affiliate { id } } } } }`,
  csv: `query { affiliatePayoutsCsv }`,
  entities: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Affiliate { id name } ... on Contact { id affiliateSummary { isAffiliate referrals } } } }`,
  summary: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Contact { id affiliateSummary { isAffiliate referrals pending { amount currency } approved { amount currency } } referral { label affiliate { id } } } } }`,
};

/** The success's payload, or a thrown error naming the failure. */
export function ok<T = any>(result: any, key: string): T {
  if (!String(result.__typename).endsWith("Success")) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result[key] as T;
}

/** Turns the programme on with these settings (the portal is always an allowed landing site). */
export async function enableProgramme(subgraph: RunningSubgraphProcess, tenant: Tenant, input: Record<string, unknown> = {}) {
  return ok(
    (
      await gql(subgraph, tenant.owner.caller, OPS.updateProgramme, {
        input: {
          enabled: true,
          holdDays: 30,
          attributionWindowDays: 30,
          allowedLandingUrls: ["https://shop.example.com/offers"],
          ...input,
        },
      })
    ).updateAffiliateProgramme,
    "programme",
  );
}

export async function makeAffiliate(subgraph: RunningSubgraphProcess, tenant: Tenant, person: Person) {
  return ok((await gql(subgraph, tenant.owner.caller, OPS.make, { contactId: person.id, invite: false })).makeAffiliate, "affiliate");
}

/** Waits until every copy of the event the consumer queues hold has been handled (or failed for good). */
async function settled(subgraph: RunningSubgraphProcess, eventId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [open] = await sql<{ n: number }>(
      forkFor(subgraph.orm, null),
      `select count(*)::int as n from pgboss.job where name like 'affiliates\\_\\_%' and data->>'eventId' = ? and state in ('created', 'retry', 'active')`,
      [eventId],
    );
    const [done] = await sql<{ n: number }>(
      forkFor(subgraph.orm, null),
      `select count(*)::int as n from affiliates.processed_event where event_id = ?`,
      [eventId],
    );
    if (open?.n === 0 && (done?.n ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error(`event ${eventId} was not handled in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Hands an event to affiliates' consumer and waits until it is handled. */
export async function deliver(
  subgraph: RunningSubgraphProcess,
  contract: Parameters<typeof deliverEvent>[1],
  businessId: string,
  payload: Record<string, unknown>,
  options: { eventId?: string; occurredAt?: Date } = {},
) {
  const event = await deliverEvent(subgraph.boss, contract, businessId, payload as never, options);
  await settled(subgraph, event.eventId);
  return event;
}

/** identity's "contact created with a referral code". */
export const referred = (subgraph: RunningSubgraphProcess, tenant: Tenant, contactId: string, code: string, at = new Date()) =>
  deliver(subgraph, identity.contactReferred, tenant.businessId, { contactId, referralCode: code, occurredAt: at.toISOString() });

let invoiceNumber = 1;

/** billing's "invoice paid" for the contact; returns the invoice id. */
export async function paid(
  subgraph: RunningSubgraphProcess,
  tenant: Tenant,
  contactId: string,
  amountPaid: number,
  options: { invoiceId?: string; paidAt?: Date; currency?: string; eventId?: string } = {},
) {
  const invoiceId = options.invoiceId ?? randomUUID();
  await deliver(
    subgraph,
    billing.invoicePaid,
    tenant.businessId,
    {
      invoiceId,
      contactId,
      number: invoiceNumber++,
      currency: options.currency ?? "USD",
      amountPaid,
      paidAt: (options.paidAt ?? new Date()).toISOString(),
      method: "test",
    },
    { eventId: options.eventId },
  );
  return invoiceId;
}

export const refunded = (
  subgraph: RunningSubgraphProcess,
  tenant: Tenant,
  contactId: string,
  invoiceId: string,
  amountRefunded: number,
  total: number,
) =>
  deliver(subgraph, billing.invoiceRefunded, tenant.businessId, {
    invoiceId,
    contactId,
    number: 1,
    currency: "USD",
    amount: amountRefunded,
    amountRefunded,
    fullyRefunded: amountRefunded >= total,
  });

/** The click route as the gateway relays `/r/<code>`: signed for an anonymous visitor of the business. */
export async function click(
  subgraph: RunningSubgraphProcess,
  businessId: string,
  code: string,
  visitor: { ip?: string; userAgent?: string } = {},
) {
  const caller: Caller = {
    businessId,
    actor: { kind: "anonymous", id: null },
    ip: visitor.ip ?? "203.0.113.7",
    userAgent: visitor.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    issuedAt: Date.now(),
  };
  const response = await fileRequest(subgraph, caller, `r/${encodeURIComponent(code)}`);
  return { status: response.status, body: (await response.json()) as { location?: string; code?: string; cookieMaxAge?: number } };
}

/** Outbox rows of a type for one business. */
export async function outbox(subgraph: RunningSubgraphProcess, businessId: string, type: string) {
  return sql<{ type: string; payload: any }>(
    forkFor(subgraph.orm, businessId),
    `select type, payload from affiliates.outbox_event where business_id = ? and type = ? order by created_at, id`,
    [businessId, type],
  );
}

/** Moves a tenant's pending commissions' hold to the past, as if the hold period had closed. */
export async function closeHold(subgraph: RunningSubgraphProcess, businessId: string) {
  await sql(
    forkFor(subgraph.orm, businessId),
    `update affiliates.commission set payable_at = now() - interval '1 minute' where business_id = ? and status = 'PENDING'`,
    [businessId],
  );
}
