import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { DocumentCache, validationRules } from "../src/document-cache.js";

const schema = buildSchema(`type Query { hello: String, count(n: Int!): Int }`);

describe("document cache", () => {
  it("parses and validates a query text once, then answers it from memory", () => {
    const cache = new DocumentCache(schema, validationRules(true));
    const first = cache.get("{ hello }");
    expect(first).not.toBeNull();
    expect(cache.get("{ hello }")).toBe(first);
    expect(cache.get("{ hello }")).toBe(first);
    expect(cache.validations).toBe(1);
    // Another text is another document, even when it means the same.
    expect(cache.get("{hello}")).not.toBe(first);
    expect(cache.validations).toBe(2);
  });

  it("remembers that a text does not parse or does not validate, without a document for it", () => {
    const cache = new DocumentCache(schema, validationRules(true));
    expect(cache.get("{ hello")).toBeNull();
    expect(cache.get("{ nope }")).toBeNull();
    expect(cache.get("{ count }")).toBeNull(); // a required argument is missing
    expect(cache.get("{ hello")).toBeNull();
    expect(cache.get("{ nope }")).toBeNull();
    expect(cache.validations).toBe(3);
  });

  it("refuses introspection when it is off, as Apollo Server does in production", () => {
    const production = new DocumentCache(schema, validationRules(false));
    const development = new DocumentCache(schema, validationRules(true));
    for (const query of [
      "{ __schema { queryType { name } } }",
      `{ __type(name: "Query") { name } }`,
      "{ hello a: __schema { types { name } } }",
    ]) {
      expect(production.get(query)).toBeNull();
      expect(development.get(query)).not.toBeNull();
    }
    // __typename is no introspection.
    expect(production.get("{ __typename hello }")).not.toBeNull();
  });

  it("forgets the least recently used text beyond its size, and never keeps a very long one", () => {
    const cache = new DocumentCache(schema, validationRules(true), { entries: 2, queryLength: 40 });
    cache.get("{ a: hello }");
    cache.get("{ b: hello }");
    cache.get("{ a: hello }"); // used again: now the most recent
    cache.get("{ c: hello }"); // forgets b
    expect(cache.size).toBe(2);
    expect(cache.validations).toBe(3);
    cache.get("{ a: hello }");
    cache.get("{ c: hello }");
    expect(cache.validations).toBe(3);
    cache.get("{ b: hello }");
    expect(cache.validations).toBe(4);

    const long = `{ ${Array.from({ length: 10 }, (_, i) => `f${i}: hello`).join(" ")} }`;
    expect(cache.get(long)).not.toBeNull();
    expect(cache.get(long)).not.toBeNull();
    expect(cache.validations).toBe(6);
    expect(cache.size).toBe(2);
  });
});
