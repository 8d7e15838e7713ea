import { callSubgraph, forkFor, sql, type LiveMessage, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, authenticate, createTenant, gql, startIdentity } from "./helpers.js";

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name prefix scopes lastUsedAt } } ... on ValidationError { field } } }`;
const LIST = `{ apiKeys { totalCount edges { node { id name prefix scopes lastUsedAt revokedAt } } } }`;

describe("API keys", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("shows the secret once, stores only a hash, authenticates with its scopes, and stops at revocation", async () => {
    const tenant = await createTenant(identity);
    const { data } = await gql(identity, tenant.staff, CREATE, { input: { name: "CRM sync", scopes: ["READ"] } });
    const { secret, apiKey } = data.createApiKey;
    expect(secret).toMatch(/^cp_[0-9a-f]{12}_[A-Za-z0-9_-]{40,}$/);
    expect(secret.startsWith(`${apiKey.prefix}_`)).toBe(true);

    const listed = await gql(identity, tenant.staff, LIST);
    expect(JSON.stringify(listed.data)).not.toContain(secret.split("_").slice(2).join("_"));
    expect(listed.data.apiKeys.edges[0].node).toMatchObject({ name: "CRM sync", scopes: ["READ"], revokedAt: null });
    const rows = await sql<{ row: string }>(forkFor(identity.orm, null), `select k::text as row from identity.api_key k where id = ?`, [
      apiKey.id,
    ]);
    expect(rows[0]!.row).not.toContain(secret.slice(-20));

    const auth = await authenticate(identity, { host: "elsewhere.example.com", apiKey: secret });
    expect(auth).toMatchObject({ business: { id: tenant.businessId }, actor: { kind: "apiKey", id: apiKey.id, scopes: ["read"] } });
    const used = await gql(identity, tenant.staff, LIST);
    expect(used.data.apiKeys.edges[0].node.lastUsedAt).not.toBeNull();

    const wrong = await authenticate(identity, { host: "x.localhost", apiKey: `${apiKey.prefix}_${"A".repeat(43)}` });
    expect(wrong.actor.kind).toBe("anonymous");

    const revokedAnnouncement = new Promise<LiveMessage<any>>((resolve) => {
      const off = identity.live.on((message) => {
        if (message.topic === "auth.revoked") {
          off();
          resolve(message);
        }
      });
    });
    const revoked = await gql(
      identity,
      tenant.staff,
      `mutation($id: ID!) { revokeApiKey(id: $id) { __typename ... on ApiKeyRevoked { apiKey { revokedAt } } } }`,
      { id: apiKey.id },
    );
    expect(revoked.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect((await revokedAnnouncement).data).toEqual({ sessionIds: [], apiKeyIds: [apiKey.id] });
    expect((await authenticate(identity, { host: "x.localhost", apiKey: secret })).actor.kind).toBe("anonymous");
  });

  it("validates name and scopes, and is managed by staff people only", async () => {
    const tenant = await createTenant(identity);
    expect((await gql(identity, tenant.staff, CREATE, { input: { name: "", scopes: ["READ"] } })).data.createApiKey).toMatchObject({
      __typename: "ValidationError",
      field: "name",
    });
    expect((await gql(identity, tenant.staff, CREATE, { input: { name: "x", scopes: [] } })).data.createApiKey).toMatchObject({
      __typename: "ValidationError",
      field: "scopes",
    });
    const byKey = await callSubgraph(identity.url, apiKeyIn(tenant.businessId, crypto.randomUUID(), ["read", "write"]), CREATE, {
      input: { name: "x", scopes: ["WRITE"] },
    });
    expect(byKey.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
