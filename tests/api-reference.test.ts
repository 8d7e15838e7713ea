import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { API_REFERENCE_PATH, renderApiReference } from "../scripts/api-reference.js";

describe("the API reference page", () => {
  const sdl = readFileSync("schema/api.graphql", "utf8");
  const page = readFileSync(API_REFERENCE_PATH, "utf8");

  it("is current with the public schema (run `npm run api-reference`, or `npm run schema`)", () => {
    expect(page === renderApiReference(sdl), `${API_REFERENCE_PATH} is stale`).toBe(true);
  });

  it("lists every query, mutation, subscription and type with its description", () => {
    const schema = buildSchema(sdl);
    const invoices = schema.getQueryType()!.getFields().invoices;
    expect(page).toContain(`id="query-invoices"`);
    expect(page).toContain(invoices.description!);
    expect(page).toContain(`id="mutation-recordPayment"`);
    expect(page).toContain(`id="subscription-invoiceChanged"`);
    for (const name of Object.keys(schema.getTypeMap()).filter(
      (n) => !n.startsWith("__") && !["Query", "Mutation", "Subscription"].includes(n),
    )) {
      expect(page, name).toContain(`id="type-${name}"`);
    }
    // An argument with its type linked and its description, and a union's members.
    expect(page).toMatch(/<li><code>status: <a href="#type-InvoiceStatus">InvoiceStatus<\/a><\/code><p>Only invoices in this status/);
    expect(page).toContain(`One of <a href="#type-InvoiceSuccess">InvoiceSuccess</a>`);
  });

  it("links only to entries it has, and loads nothing from elsewhere", () => {
    const ids = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = new Set([...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]));
    expect([...targets].filter((t) => !ids.has(t))).toEqual([]);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
