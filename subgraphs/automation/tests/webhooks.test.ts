import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { billing } from "@portal/contracts";
import { apiKeyIn, makeCaller, type RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createScratchDatabase, eventually, gql, logEntriesFor, newBusiness, publish, staffOf, startAutomation } from "./helpers.js";
import { publishBusiness } from "./invoice-helpers.js";
import {
  createEndpoint,
  deliveriesOf,
  deliveryWhere,
  ENDPOINT_FIELDS,
  publishOwner,
  type Receiver,
  registered,
  startReceiver,
  voided,
} from "./webhooks-helpers.js";

const REDELIVER = `mutation Redeliver($id: ID!) { redeliverWebhook(deliveryId: $id) {
  __typename ... on UserError { message } ... on RedeliverWebhookSuccess { delivery { id status } } } }`;
const SET_ENABLED = `mutation Enable($id: ID!, $enabled: Boolean!) { setWebhookEndpointEnabled(id: $id, enabled: $enabled) {
  __typename ... on UserError { message } ... on WebhookEndpointSuccess { endpoint { ${ENDPOINT_FIELDS} } } } }`;
const ROTATE = `mutation Rotate($id: ID!) { rotateWebhookEndpointSecret(id: $id) {
  __typename ... on UserError { message } ... on WebhookEndpointCreated { secret endpoint { id } } } }`;

describe("outbound webhooks", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  let pool: pg.Pool;
  const receivers: Receiver[] = [];
  const receiver = async (fallback = 200) => {
    const started = await startReceiver(fallback);
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await automation?.stop();
    await Promise.all(receivers.map((r) => r.close()));
    await pool?.end();
    await database?.drop();
  });

  /** Makes every queued attempt due now, as if its wait had passed. */
  const fastForward = () =>
    pool.query(`update pgboss.job set start_after = now() where name = 'automation.webhook-attempt' and state in ('created', 'retry')`);

  it("signs each delivery the Standard Webhooks way; the receiver verifies it with the library and reads { type, timestamp, data }", async () => {
    const business = newBusiness();
    const staff = staffOf(business);
    const hook = await receiver();
    const { secret, endpoint } = await registered(automation, staff, {
      url: hook.url,
      eventTypes: ["billing.invoice.voided", "billing.invoice.paid"],
      description: "Accounting sync",
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({ url: hook.url, enabled: true, description: "Accounting sync" });
    expect(endpoint.eventTypes).toEqual(["billing.invoice.paid", "billing.invoice.voided"]);

    const event = await voided(automation, business, 1042);
    await eventually(async () => hook.requests.length === 1, 20_000, "the delivery");
    const [request] = hook.requests;
    const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>) as any;
    expect(verified).toEqual({ type: "billing.invoice.voided", timestamp: event.occurredAt, data: event.payload });
    expect(request!.headers["webhook-id"]).toBe(`msg_${event.eventId.replace(/-/g, "")}`);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(request!.body, request!.headers as any)).toThrow();

    const [delivery] = await deliveriesOf(automation, staff, endpoint.id);
    const done = await deliveryWhere(automation, staff, endpoint.id, (d) => d.status === "SUCCEEDED", "a succeeded delivery");
    expect(done).toMatchObject({
      eventId: event.eventId,
      eventType: "billing.invoice.voided",
      attempts: 1,
      lastResponseCode: 200,
      id: delivery.id,
    });
    expect(done.attemptLog).toEqual([
      expect.objectContaining({ number: 1, manual: false, responseCode: 200, responseBody: "ok", succeeded: true, error: null }),
    ]);

    // A receipt's PDF stays out of the body; another business's event is not sent here.
    await voided(automation, newBusiness(), 999);
    const paid = await publish(automation, billing.invoicePaid, business, {
      invoiceId: randomUUID(),
      contactId: randomUUID(),
      number: 1043,
      currency: "USD",
      amountPaid: 125000,
      paidAt: new Date().toISOString(),
      method: "card",
      receiptPdf: { name: "receipt.pdf", contentBase64: "JVBERi0=" },
    });
    await eventually(async () => hook.requests.length === 2, 20_000, "the paid delivery");
    const paidBody = JSON.parse(hook.requests[1]!.body);
    expect(paidBody.type).toBe("billing.invoice.paid");
    expect(paidBody.data).toEqual({ ...paid.payload, receiptPdf: undefined });
    expect(paidBody.data).not.toHaveProperty("receiptPdf");

    // A rotated secret signs what follows; the old one no longer verifies.
    const rotated = await gql(automation, staff, ROTATE, { id: endpoint.id });
    const newSecret = rotated.data.rotateWebhookEndpointSecret.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    const before = hook.requests.length;
    await voided(automation, business, 1044);
    await eventually(
      async () => hook.requests.some((r, i) => i >= before && r.body.includes("1044")),
      20_000,
      "the delivery after rotation",
    );
    const afterRotation = hook.requests.find((r) => r.body.includes("1044"))!;
    expect((new Webhook(newSecret).verify(afterRotation.body, afterRotation.headers as any) as any).data.number).toBe(1044);
    expect(() => new Webhook(secret).verify(afterRotation.body, afterRotation.headers as any)).toThrow();
    expect(hook.requests.filter((r) => r.body.includes('"number":999'))).toEqual([]);
  });

  it("lists only events without one-time links, and names the field of every invalid input", async () => {
    const business = newBusiness();
    const staff = staffOf(business);
    const types = await gql(automation, staff, `{ webhookEventTypes { name description producer version } }`);
    const names = types.data.webhookEventTypes.map((t: any) => t.name);
    expect(names).toContain("billing.invoice.paid");
    expect(names).not.toContain("identity.contact.invited");
    expect(names).not.toContain("identity.sign_in.requested");
    expect(names).not.toContain("identity.email_change.requested");
    // A workflow's commands and the sections' answers to them are plumbing; what they changed is announced by the section.
    for (const plumbing of ["identity.invite.requested", "courses.enrolment.requested", "courses.workflow_action.finished"])
      expect(names).not.toContain(plumbing);
    expect(names).toContain("courses.access.granted");

    const hook = await receiver();
    expect(
      await createEndpoint(automation, staff, { url: hook.url, eventTypes: ["billing.invoice.paid", "identity.contact.invited"] }),
    ).toMatchObject({
      __typename: "ValidationError",
      field: "eventTypes.1",
    });
    expect(await createEndpoint(automation, staff, { url: hook.url, eventTypes: [] })).toMatchObject({
      __typename: "ValidationError",
      field: "eventTypes",
    });
    expect(await createEndpoint(automation, staff, { url: "not a url" })).toMatchObject({ __typename: "ValidationError", field: "url" });
    expect(await createEndpoint(automation, staff, { url: "ftp://example.com/x" })).toMatchObject({
      __typename: "ValidationError",
      field: "url",
    });
    expect(await createEndpoint(automation, staff, { url: hook.url, description: "x".repeat(501) })).toMatchObject({
      __typename: "ValidationError",
      field: "description",
    });
  });

  it("retries a failing receiver on the backoff schedule with the same webhook-id, and a 2xx ends it", async () => {
    const business = newBusiness();
    const staff = staffOf(business);
    const hook = await receiver();
    hook.answers.push(500, 502);
    const { secret, endpoint } = await registered(automation, staff, { url: hook.url });
    await voided(automation, business);

    const first = await deliveryWhere(automation, staff, endpoint.id, (d) => d.attempts === 1, "the first attempt");
    expect(first).toMatchObject({ status: "PENDING", lastResponseCode: 500, lastError: "HTTP 500" });
    const firstWait = new Date(first.nextAttemptAt).getTime() - new Date(first.lastAttemptAt).getTime();
    expect(firstWait).toBeGreaterThanOrEqual(4_000);
    expect(firstWait).toBeLessThan(8_000);

    // The 5-second retry comes by itself; the next one waits 5 minutes.
    const second = await deliveryWhere(automation, staff, endpoint.id, (d) => d.attempts === 2, "the second attempt");
    expect(second).toMatchObject({ status: "PENDING", lastResponseCode: 502 });
    const secondWait = new Date(second.nextAttemptAt).getTime() - new Date(second.lastAttemptAt).getTime();
    expect(secondWait).toBeGreaterThan(290_000);
    expect(secondWait).toBeLessThan(310_000);
    const endpoints = await gql(automation, staff, `{ webhookEndpoints(first: 10) { edges { node { id failingSince } } } }`);
    expect(endpoints.data.webhookEndpoints.edges[0].node.failingSince).not.toBeNull();

    await fastForward();
    const done = await deliveryWhere(automation, staff, endpoint.id, (d) => d.status === "SUCCEEDED", "the successful third attempt");
    expect(done.attempts).toBe(3);
    expect(done.attemptLog.map((a: any) => [a.number, a.responseCode, a.succeeded])).toEqual([
      [1, 500, false],
      [2, 502, false],
      [3, 200, true],
    ]);
    expect(done.attemptLog[0].responseBody).toBe("receiver says 500");
    expect(new Set(hook.requests.map((r) => r.headers["webhook-id"])).size).toBe(1);
    for (const r of hook.requests) expect(() => new Webhook(secret).verify(r.body, r.headers as any)).not.toThrow();
    const after = await gql(automation, staff, `{ webhookEndpoints(first: 10) { edges { node { failingSince } } } }`);
    expect(after.data.webhookEndpoints.edges[0].node.failingSince).toBeNull();
  });

  it("disables an endpoint whose attempts failed for a day, emails the owner, and redelivers once it works again", async () => {
    const business = newBusiness();
    const staff = staffOf(business);
    await publishBusiness(automation, business);
    const ownerEmail = `owner-${randomUUID().slice(0, 8)}@studio.test`;
    await publishOwner(automation, business, ownerEmail);
    const broken = await receiver(503);
    const healthy = await receiver();
    const { endpoint } = await registered(automation, staff, { url: broken.url });
    const { endpoint: other } = await registered(automation, staff, { url: healthy.url });
    // Every attempt has failed for 25 hours (its retries were made meanwhile).
    await pool.query(
      `update automation.webhook_endpoint set failing_since = now() - interval '25 hours', consecutive_failures = 7 where id = $1`,
      [endpoint.id],
    );
    await eventually(
      async () => (await pool.query(`select 1 from automation.known_staff where email = $1`, [ownerEmail])).rowCount,
      20_000,
      "the owner",
    );
    await voided(automation, business, 1);

    const failed = await deliveryWhere(automation, staff, endpoint.id, (d) => d.status === "FAILED", "the failed delivery");
    expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: null, lastResponseCode: 503 });
    const state = await gql(automation, staff, `query One($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`, {
      id: endpoint.id,
    });
    expect(state.data.webhookEndpoint).toMatchObject({ enabled: false });
    expect(state.data.webhookEndpoint.disabledReason).toMatch(/Every attempt failed since .* \(8 in a row; last: HTTP 503\)/);
    const mail = await eventually(
      async () => (await logEntriesFor(automation, business)).find((e) => e.template === "WEBHOOK_ENDPOINT_DISABLED"),
      20_000,
      "the owner's email",
    );
    expect(mail).toMatchObject({ recipient: ownerEmail, subject: `Webhook endpoint disabled at ${business.displayName}` });
    const mailbox = await eventually(async () => {
      const response = await gql(automation, staff, `query M($to: String) { devMailbox(first: 5, to: $to) { edges { node { text } } } }`, {
        to: ownerEmail,
      });
      return response.data.devMailbox.edges[0]?.node;
    });
    expect(mailbox.text).toContain(broken.url);
    expect(mailbox.text).toContain(`${business.portalUrl}/admin/webhooks`);

    // Disabled: no new deliveries (the other endpoint of the business gets the event).
    await voided(automation, business, 2);
    await eventually(
      async () => (await deliveriesOf(automation, staff, other.id)).length === 2,
      20_000,
      "the other endpoint's second delivery",
    );
    expect(await deliveriesOf(automation, staff, endpoint.id)).toHaveLength(1);
    expect((await gql(automation, staff, REDELIVER, { id: failed.id })).data.redeliverWebhook).toMatchObject({
      __typename: "WebhookDeliveryStateError",
    });

    broken.fallback = 200;
    const enabled = await gql(automation, staff, SET_ENABLED, { id: endpoint.id, enabled: true });
    expect(enabled.data.setWebhookEndpointEnabled.endpoint).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    const redelivered = await gql(automation, staff, REDELIVER, { id: failed.id });
    expect(redelivered.data.redeliverWebhook).toMatchObject({ __typename: "RedeliverWebhookSuccess", delivery: { status: "PENDING" } });
    expect((await gql(automation, staff, REDELIVER, { id: failed.id })).data.redeliverWebhook.__typename).toBe("WebhookDeliveryStateError");
    const done = await deliveryWhere(automation, staff, endpoint.id, (d) => d.status === "SUCCEEDED", "the redelivery");
    expect(done.attemptLog.map((a: any) => [a.number, a.manual, a.responseCode])).toEqual([
      [1, false, 503],
      [2, true, 200],
    ]);
    expect(broken.requests.at(-1)!.headers["webhook-id"]).toBe(broken.requests[0]!.headers["webhook-id"]);
  });

  it("keeps two businesses apart and lets only the owner or a WRITE key manage endpoints", async () => {
    const mine = newBusiness();
    const theirs = newBusiness();
    const hook = await receiver();
    const { endpoint } = await registered(automation, staffOf(mine), { url: hook.url });
    await voided(automation, mine);
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(automation, staffOf(mine), endpoint.id);
      return rows.length > 0 && rows;
    });

    const outsider = staffOf(theirs);
    const seen = await gql(
      automation,
      outsider,
      `query Q($id: ID!, $did: ID!) { webhookEndpoint(id: $id) { id } webhookDelivery(id: $did) { id } webhookEndpoints(first: 50) { totalCount }
        webhookDeliveries(endpointId: $id, first: 50) { totalCount } }`,
      { id: endpoint.id, did: delivery.id },
    );
    expect(seen.data).toEqual({
      webhookEndpoint: null,
      webhookDelivery: null,
      webhookEndpoints: { totalCount: 0 },
      webhookDeliveries: { totalCount: 0 },
    });
    const entities = await gql(automation, outsider, `query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
      r: [{ __typename: "WebhookEndpoint", id: endpoint.id }],
    });
    expect(entities.data?._entities?.[0] ?? null).toBeNull();

    const tries = {
      update: `mutation { updateWebhookEndpoint(id: "${endpoint.id}", input: { url: "${hook.url}", eventTypes: ["billing.invoice.paid"] }) { __typename } }`,
      enable: `mutation { setWebhookEndpointEnabled(id: "${endpoint.id}", enabled: false) { __typename } }`,
      rotate: `mutation { rotateWebhookEndpointSecret(id: "${endpoint.id}") { __typename } }`,
      redeliver: `mutation { redeliverWebhook(deliveryId: "${delivery.id}") { __typename } }`,
      remove: `mutation { deleteWebhookEndpoint(id: "${endpoint.id}") { __typename } }`,
    };
    for (const query of Object.values(tries)) {
      const response = await gql(automation, outsider, query);
      expect(Object.values(response.data)[0]).toEqual({ __typename: "NotFoundError" });
    }
    const still = await gql(automation, staffOf(mine), `query Q($id: ID!) { webhookEndpoint(id: $id) { enabled } }`, { id: endpoint.id });
    expect(still.data.webhookEndpoint).toEqual({ enabled: true });

    const reader = apiKeyIn(mine.id, ["read"]);
    const readList = await gql(
      automation,
      reader,
      `{ webhookEndpoints(first: 5) { totalCount edges { node { id } } } webhookEventTypes { name } }`,
    );
    expect(readList.data.webhookEndpoints.totalCount).toBe(1);
    const readCreate = await createEndpoint(automation, reader, { url: hook.url }).catch((error: Error) => error.message);
    expect(readCreate).toContain("FORBIDDEN");
    const plainStaff = makeCaller({ businessId: mine.id, actor: { kind: "staff", id: randomUUID(), role: "staff" } });
    expect(await createEndpoint(automation, plainStaff, { url: hook.url }).catch((error: Error) => error.message)).toContain("owner");
    const writer = apiKeyIn(mine.id, ["read", "write"]);
    expect((await createEndpoint(automation, writer, { url: hook.url })).__typename).toBe("WebhookEndpointCreated");
    const removed = await gql(
      automation,
      writer,
      `mutation { deleteWebhookEndpoint(id: "${endpoint.id}") { __typename ... on DeleteWebhookEndpointSuccess { id } } }`,
    );
    expect(removed.data.deleteWebhookEndpoint).toEqual({ __typename: "DeleteWebhookEndpointSuccess", id: endpoint.id });
    expect(await deliveriesOf(automation, staffOf(mine), endpoint.id)).toEqual([]);
  });
});
