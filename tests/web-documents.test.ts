import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import webCodegen from "../codegen.js";

describe("the web app's generated operations and persisted documents", () => {
  it("match the schema and the app's graphql() calls (run `npm run codegen` after changing either)", async () => {
    const outputs = (await generate(webCodegen, false)) as { filename: string; content: string }[];
    expect(outputs.map(({ filename }) => filename)).toContain("web/src/gql/persisted-documents.json");
    for (const { filename, content } of outputs) expect(readFileSync(filename, "utf8"), `${filename} is stale`).toBe(content);
  });

  it("name each document by the sha256 of its text, which the gateway looks up", () => {
    const manifest = JSON.parse(readFileSync("web/src/gql/persisted-documents.json", "utf8")) as Record<string, string>;
    const embedded = [...readFileSync("web/src/gql/graphql.ts", "utf8").matchAll(/"__meta__":\{"hash":"([0-9a-f]{64})"\}/g)].map(
      (m) => m[1],
    );
    expect(embedded.length).toBeGreaterThan(100);
    for (const hash of embedded) expect(Object.keys(manifest)).toContain(hash);
    for (const [hash, text] of Object.entries(manifest)) expect(createHash("sha256").update(text).digest("hex")).toBe(hash);
  });
});
