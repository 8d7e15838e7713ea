import { readFileSync } from "node:fs";
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";

/**
 * Integrators build against the released public schema, so a change that would break their
 * queries (a removed field, a new required argument, a narrowed type…) must be deliberate: it is
 * listed, with the reason, in schema/released/intended-breaking-changes.json. Dangerous and safe
 * changes (additions, new enum values, descriptions) pass.
 */
export interface IntendedBreakingChange {
  /** The change as @graphql-inspector/core words it, e.g. "Field 'legacy' was removed from object type 'Query'". */
  message: string;
  /** Its schema coordinate, e.g. "Query.legacy"; when given it must match too. */
  path?: string;
  /** Why integrators are asked to adapt (for the release notes). */
  reason: string;
}

export async function unlistedBreakingChanges(
  releasedSdl: string,
  currentSdl: string,
  intended: IntendedBreakingChange[],
): Promise<Change[]> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const listed = (change: Change) => intended.some((i) => i.message === change.message && (i.path === undefined || i.path === change.path));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking && !listed(change));
}

/** One line per change, what to paste into intended-breaking-changes.json if it is meant. */
export function describeBreakingChanges(changes: Change[]): string {
  return changes
    .map((c) => `  BREAKING ${c.path ?? "(schema)"}: ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ""}`)
    .join("\n");
}

describe("public schema changes since the last release", () => {
  it("has no breaking change that is not listed as intended", async () => {
    const released = readFileSync("schema/released/api.graphql", "utf8");
    const current = readFileSync("schema/api.graphql", "utf8");
    const intended = JSON.parse(readFileSync("schema/released/intended-breaking-changes.json", "utf8")) as IntendedBreakingChange[];
    for (const entry of intended) expect(entry.reason?.trim(), `intended change "${entry.message}" gives no reason`).toBeTruthy();
    const unlisted = await unlistedBreakingChanges(released, current, intended);
    const report =
      `schema/api.graphql breaks what integrators built against schema/released/api.graphql:\n${describeBreakingChanges(unlisted)}\n` +
      `Restore it, deprecate instead of removing, or list each change with a reason in schema/released/intended-breaking-changes.json.`;
    if (unlisted.length) console.error(report);
    expect(unlisted.length, report).toBe(0);
  });
});

describe("the breaking-change check", () => {
  const released = `
    "Root"
    type Query {
      "Kept"
      invoices(first: Int): [String!]!
      "Going away"
      legacy: String
    }`;

  it("fails on a removed field and names it", async () => {
    const current = `type Query { invoices(first: Int): [String!]! }`;
    const unlisted = await unlistedBreakingChanges(released, current, []);
    expect(unlisted.map((c) => c.path)).toEqual(["Query.legacy"]);
    expect(describeBreakingChanges(unlisted)).toContain("BREAKING Query.legacy: Field 'legacy' was removed from object type 'Query'");
  });

  it("passes an added optional field and an added optional argument", async () => {
    const current = `type Query { invoices(first: Int, after: String): [String!]! legacy: String viewer: String }`;
    expect(await unlistedBreakingChanges(released, current, [])).toEqual([]);
  });

  it("fails on a new required argument", async () => {
    const current = `type Query { invoices(first: Int, status: String!): [String!]! legacy: String }`;
    expect((await unlistedBreakingChanges(released, current, [])).map((c) => c.path)).toEqual(["Query.invoices.status"]);
  });

  it("passes a removal listed as intended, and only that one", async () => {
    const current = `type Query { viewer: String }`;
    const intended = [
      { message: "Field 'legacy' was removed from object type 'Query'", path: "Query.legacy", reason: "Replaced by viewer" },
    ];
    const unlisted = await unlistedBreakingChanges(released, current, intended);
    expect(unlisted.map((c) => c.path)).toEqual(["Query.invoices"]);
  });
});
