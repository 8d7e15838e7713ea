import { parse, print } from "graphql";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { post, startHarness, type Harness, recordBodies } from "./fixtures/harness.js";

describe("single-subgraph shortcut", () => {
  let h: Harness;
  let received: ReturnType<typeof recordBodies>;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string);
    received = recordBodies(h);
  });
  afterAll(async () => {
    await h?.stop();
  });
  const clear = () => {
    for (const list of Object.values(received)) list.splice(0);
  };

  it("sends a query one subgraph answers alone straight to it, as the client wrote it", async () => {
    clear();
    const query = `query Whoami { viewer { kind } portal { business { name } } }`;
    const { json } = await post(h.gateway.url, query, { variables: {} });
    expect(json.errors).toBeUndefined();
    expect(json.data.viewer.kind).toBe("anonymous");
    expect(received.accounts).toEqual([{ query: print(parse(query)), variables: {}, operationName: "Whoami" }]);
    expect(received.billing).toEqual([]);
  });

  it("still plans queries that need two subgraphs", async () => {
    clear();
    const { json } = await post(h.gateway.url, `query Mixed { contact(id: "c1") { name balanceCents } }`);
    expect(json.data.contact.balanceCents).toBe(4200);
    expect(received.billing.length).toBe(1);
    expect(received.billing[0].query).toContain("_entities");
  });

  it("still refuses fields outside the public schema, such as _entities", async () => {
    const hidden = await post(h.gateway.url, `{ _entities(representations: [{ __typename: "Contact", id: "c1" }]) { __typename } }`);
    expect(hidden.json.errors?.[0].message).toMatch(/Cannot query field "_entities"/);
    expect(hidden.json.data).toBeUndefined();
  });
});
