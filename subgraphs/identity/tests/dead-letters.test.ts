import { randomUUID } from "node:crypto";
import { billing, identity as identityEvents } from "@portal/contracts";
import { callSubgraph, consume, deliverEvent, forkFor, sql, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeyIn,
  anonymousIn,
  contactIn,
  createContact,
  createTenant,
  eventually,
  gql,
  operator,
  outboxEvents,
  startIdentity,
  type Tenant,
} from "./helpers.js";

const LETTERS = `query($status: DeadLetterStatus, $first: Int, $after: String) {
  deadLetters(status: $status, first: $first, after: $after) {
    totalCount
    edges { cursor node { id consumer eventType eventId businessId businessName payload error attempts status retriedAt resolvedAt discardedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const RESULT = `__typename ... on DeadLetterSuccess { deadLetter { id status } } ... on UserError { message }`;
const RETRY = `mutation($id: ID!) { retryDeadLetter(id: $id) { ${RESULT} } }`;
const DISCARD = `mutation($id: ID!) { discardDeadLetter(id: $id) { ${RESULT} } }`;

interface Letter {
  id: string;
  consumer: string;
  eventType: string;
  eventId: string;
  businessName: string | null;
  payload: string;
  error: string;
  attempts: number;
  status: string;
}

describe("dead letters in the operator console", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  /** A consumer of billing.invoice.sent for this file only, whose failure the tests switch on and off. */
  const consumer = {
    schema: "identity",
    name: `identity.dead-letter-spec-${randomUUID().slice(0, 8)}`,
    retry: { limit: 0, delaySeconds: 0, backoff: false },
  };
  let outage: string | null = null;

  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity, "letters");
    // Handling writes nothing of its own: the consumer's processed-event marker counts the handlings.
    await consume(identity, consumer, billing.invoiceSent, async () => {
      if (outage) throw new Error(outage);
    });
  });
  afterAll(async () => {
    await identity?.stop();
  });

  const handledTimes = async (eventId: string) =>
    (
      await sql(forkFor(identity.orm, null), `select 1 from identity.processed_event where consumer = ? and event_id = ?`, [
        consumer.name,
        eventId,
      ])
    ).length;

  async function letterFor(eventId: string, caller: Caller = operator()): Promise<Letter | undefined> {
    let after: string | null = null;
    do {
      const { data }: { data: any } = await gql(identity, caller, LETTERS, { first: 100, after });
      const found = data.deadLetters.edges.map((edge: { node: Letter }) => edge.node).find((letter: Letter) => letter.eventId === eventId);
      if (found) return found;
      after = data.deadLetters.pageInfo.hasNextPage ? data.deadLetters.pageInfo.endCursor : null;
    } while (after);
    return undefined;
  }

  const invoiceSent = (contactId = randomUUID()) => {
    const invoiceId = randomUUID();
    return deliverEvent(identity.boss, billing.invoiceSent, tenant.businessId, {
      invoiceId,
      contactId,
      number: 3,
      currency: "USD",
      total: 1000,
      amountDue: 1000,
      dueDate: "2026-04-01",
      portalPath: `/invoices/${invoiceId}`,
      inviteToPortal: false,
    });
  };

  it("shows an operator the failed event with its error, attempts and payload, and handles it exactly once when retried after the fix", async () => {
    outage = "The ledger is unreachable";
    const event = await invoiceSent();
    const letter = await eventually(async () => (await letterFor(event.eventId)) ?? false, "the dead letter");
    expect(letter).toMatchObject({
      consumer: consumer.name,
      eventType: "billing.invoice.sent",
      businessName: `Business ${tenant.slug}`,
      error: "The ledger is unreachable",
      attempts: 1,
      status: "OPEN",
    });
    expect(JSON.parse(letter.payload)).toMatchObject({ number: 3, currency: "USD" });
    const open = await gql(identity, operator(), LETTERS, { status: "OPEN", first: 100 });
    expect(open.data.deadLetters.edges.every((edge: { node: Letter }) => edge.node.status === "OPEN")).toBe(true);
    expect(await handledTimes(event.eventId)).toBe(0);

    outage = null;
    const retried = await gql(identity, operator(), RETRY, { id: letter.id });
    expect(retried.data.retryDeadLetter).toEqual({ __typename: "DeadLetterSuccess", deadLetter: { id: letter.id, status: "RETRYING" } });
    await eventually(async () => (await letterFor(event.eventId))?.status === "RESOLVED", "the letter to be resolved");
    expect(await handledTimes(event.eventId)).toBe(1);

    const again = await gql(identity, operator(), RETRY, { id: letter.id });
    expect(again.data.retryDeadLetter).toMatchObject({ __typename: "DeadLetterStateError" });
    expect(await handledTimes(event.eventId)).toBe(1);
  });

  it("keeps an event whose payload breaks its contract at once, without inviting anyone, and lets an operator discard it", async () => {
    const contact = await createContact(identity, tenant);
    const eventId = randomUUID();
    await identity.boss.publish(identityEvents.inviteRequested.name, {
      eventId,
      type: identityEvents.inviteRequested.name,
      businessId: tenant.businessId,
      occurredAt: new Date().toISOString(),
      payload: { contact: contact.id, next: "/documents" }, // `contact`, not `contactId`
    });
    const letter = await eventually(async () => (await letterFor(eventId)) ?? false, "the dead letter");
    expect(letter).toMatchObject({ consumer: "identity", eventType: "identity.invite.requested", attempts: 1, status: "OPEN" });
    expect(letter.error).toContain("contactId: Required");
    expect(await outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contact.id })).toEqual([]);

    const discarded = await gql(identity, operator(), DISCARD, { id: letter.id });
    expect(discarded.data.discardDeadLetter).toEqual({
      __typename: "DeadLetterSuccess",
      deadLetter: { id: letter.id, status: "DISCARDED" },
    });
    expect((await gql(identity, operator(), RETRY, { id: letter.id })).data.retryDeadLetter.__typename).toBe("DeadLetterStateError");
    expect((await gql(identity, operator(), DISCARD, { id: randomUUID() })).data.discardDeadLetter.__typename).toBe("NotFoundError");
  });

  it("is for platform operators only: staff (of any business), clients, API keys and anonymous callers can neither see nor act", async () => {
    outage = "Still failing";
    const event = await invoiceSent();
    const letter = await eventually(async () => (await letterFor(event.eventId)) ?? false, "the dead letter");
    outage = null;
    const contact = await createContact(identity, tenant);
    const other = await createTenant(identity, "other");
    const callers: Caller[] = [
      tenant.staff,
      other.staff,
      contactIn(tenant.businessId, contact.id),
      apiKeyIn(tenant.businessId, randomUUID(), ["read", "write"]),
      anonymousIn(tenant.businessId),
    ];
    for (const caller of callers) {
      for (const [query, variables] of [
        [LETTERS, { first: 10 }],
        [RETRY, { id: letter.id }],
        [DISCARD, { id: letter.id }],
      ] as const) {
        const response = await callSubgraph(identity.url, caller, query, variables);
        expect(response.data ?? null).toBeNull();
        expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(response.errors?.[0]?.extensions?.code);
      }
    }
    expect(await letterFor(event.eventId)).toMatchObject({ status: "OPEN" });
    expect(await handledTimes(event.eventId)).toBe(0);
  });
});
