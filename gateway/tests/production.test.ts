import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { post, startHarness, type Harness } from "./fixtures/harness.js";

describe("gateway in production mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string, { production: true });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("refuses introspection", async () => {
    expect((await post(h.gateway.url, getIntrospectionQuery())).json.data).toBeUndefined();
    const { json } = await post(h.gateway.url, "{ __schema { queryType { name } } }");
    expect(json.data).toBeUndefined();
    expect(json.errors[0].message).toMatch(/introspection/i);
    const typeProbe = await post(h.gateway.url, `{ __type(name: "Contact") { fields { name } } }`);
    expect(typeProbe.json.data).toBeUndefined();
  });

  it("gives no field suggestions", async () => {
    const { json } = await post(h.gateway.url, "{ invoiceCoun }");
    expect(json.errors[0].message).toBe('Cannot query field "invoiceCoun" on type "Query".');
    expect(JSON.stringify(json)).not.toMatch(/Did you mean/);
  });

  it("masks unexpected subgraph errors: no internal message, no stack", async () => {
    const { json } = await post(h.gateway.url, "{ failing }");
    expect(json.data).toEqual({ failing: null });
    expect(json.errors).toEqual([{ message: "Unexpected error.", path: ["failing"], extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
    expect(JSON.stringify(json)).not.toMatch(/db-internal|stacktrace|5432/);
  });

  it("keeps the code and message of authorization errors", async () => {
    const { json } = await post(h.gateway.url, "{ guarded }");
    expect(json.errors).toEqual([{ message: "Staff access required", path: ["guarded"], extensions: { code: "FORBIDDEN" } }]);
  });

  it("still answers ordinary queries", async () => {
    expect((await post(h.gateway.url, "{ invoiceCount }")).json).toEqual({ data: { invoiceCount: 3 } });
  });
});

describe("gateway in development mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string, { production: false });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("allows introspection and suggestions for tooling", async () => {
    const { json } = await post(h.gateway.url, `{ __type(name: "Contact") { name } }`);
    expect(json.data).toEqual({ __type: { name: "Contact" } });
    const typo = await post(h.gateway.url, "{ invoiceCoun }");
    expect(typo.json.errors[0].message).toMatch(/Did you mean "invoiceCount"\?/);
  });
});
