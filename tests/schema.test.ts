import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeSchemas } from "../scripts/compose.js";

describe("checked-in schema", () => {
  it("composes without errors and matches schema/ (run `npm run schema` after changing a subgraph)", async () => {
    const composed = await composeSchemas();
    for (const [name, sdl] of Object.entries(composed.subgraphs)) {
      expect(readFileSync(`schema/${name}.graphql`, "utf8"), `schema/${name}.graphql is stale`).toBe(sdl);
    }
    expect(readFileSync("schema/supergraph.graphql", "utf8"), "schema/supergraph.graphql is stale").toBe(composed.supergraph);
    expect(readFileSync("schema/api.graphql", "utf8"), "schema/api.graphql is stale").toBe(composed.api);
  });

  it("describes every type and field for integrators", async () => {
    const { buildSchema, isObjectType, isInputObjectType, isInterfaceType } = await import("graphql");
    const api = buildSchema((await composeSchemas()).api);
    const missing: string[] = [];
    // Root operation types are composed from every subgraph and carry no description of their own.
    const roots = new Set([api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].map((t) => t?.name));
    for (const type of Object.values(api.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description && !roots.has(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
