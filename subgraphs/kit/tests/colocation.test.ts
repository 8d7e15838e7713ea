import { afterEach, describe, expect, it } from "vitest";
import { answerBatch, type Caller, colocatedHeader, makeCaller, NOT_HERE, parseBatch, serveColocated, TOO_LATE } from "../src/index.js";

const SECRET = "c".repeat(40);
const caller = makeCaller({ businessId: "b-1", actor: { kind: "contact", id: "contact-1" } });
/** Ports no real server of this process uses (ports are the registry's keys). */
const PORTS = { billing: 65_001, documents: 65_002, slow: 65_003, other: 65_004 };

/** A registered subgraph that answers with who called it and the body it was given. */
function echo(name: string, port: number, secret = SECRET, delayMs = 0) {
  return serveColocated(port, {
    name,
    secret,
    async answer(who: Caller, body: string, requestId: string | undefined) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return {
        status: 200,
        headers: { "cache-control": "no-store" },
        body: JSON.stringify({ data: { name, who: who.actor.id, body, requestId } }),
      };
    },
  });
}

const batchOf = (...parts: [subgraph: string, port: number][]) => ({
  deadlineMs: 200,
  parts: parts.map(([subgraph, port]) => ({ subgraph, port, body: `{"query":"{ ${subgraph} }"}` })),
});

describe("subgraphs of one process answering a batch", () => {
  const leaving: (() => void)[] = [];
  afterEach(() => {
    for (const leave of leaving.splice(0)) leave();
  });

  it("are listed in the colocation header while they serve, and no longer once they stop", () => {
    leaving.push(echo("billing", PORTS.billing));
    const leaveDocuments = echo("documents", PORTS.documents);
    expect(colocatedHeader().split(",")).toEqual(expect.arrayContaining([`billing=${PORTS.billing}`, `documents=${PORTS.documents}`]));
    leaveDocuments();
    expect(colocatedHeader()).toContain(`billing=${PORTS.billing}`);
    expect(colocatedHeader()).not.toContain(`documents=${PORTS.documents}`);
  });

  it("answer every part in order, each by its own subgraph for the batch's caller, bodies embedded as sent", async () => {
    leaving.push(echo("billing", PORTS.billing), echo("documents", PORTS.documents));
    const text = await answerBatch(batchOf(["documents", PORTS.documents], ["billing", PORTS.billing]), caller, SECRET, "req-1");
    const { parts } = JSON.parse(text) as { parts: { status: number; headers: Record<string, string>; body: any }[] };
    expect(parts.map((part) => part.body.data.name)).toEqual(["documents", "billing"]);
    expect(parts.every((part) => part.status === 200 && part.body.data.who === "contact-1" && part.body.data.requestId === "req-1")).toBe(
      true,
    );
    expect(parts[0]!.body.data.body).toBe('{"query":"{ documents }"}');
    expect(parts[0]!.headers).toEqual({ "cache-control": "no-store" });
  });

  it("refuse a part for a port nobody serves here, for another name at that port, or for a subgraph of another secret", async () => {
    leaving.push(echo("billing", PORTS.billing), echo("other", PORTS.other, "o".repeat(40)));
    const text = await answerBatch(
      batchOf(["billing", PORTS.billing], ["documents", PORTS.documents], ["documents", PORTS.billing], ["other", PORTS.other]),
      caller,
      SECRET,
      undefined,
    );
    const statuses = (JSON.parse(text) as { parts: { status: number; body: unknown }[] }).parts.map((part) => [part.status, part.body]);
    expect(statuses).toEqual([
      [200, expect.anything()],
      [NOT_HERE, null],
      [NOT_HERE, null],
      [NOT_HERE, null],
    ]);
  });

  it("answer a part that is not done by the deadline as too late, and the others as they answered", async () => {
    leaving.push(echo("billing", PORTS.billing), echo("slow", PORTS.slow, SECRET, 2_000));
    const started = Date.now();
    const text = await answerBatch(batchOf(["billing", PORTS.billing], ["slow", PORTS.slow]), caller, SECRET, undefined);
    const parts = (JSON.parse(text) as { parts: { status: number }[] }).parts;
    expect(parts.map((part) => part.status)).toEqual([200, TOO_LATE]);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("take only well-formed batches", () => {
    expect(parseBatch("not json")).toBeNull();
    expect(parseBatch(JSON.stringify({ deadlineMs: 0, parts: [{ subgraph: "a", port: 1, body: "{}" }] }))).toBeNull();
    expect(parseBatch(JSON.stringify({ deadlineMs: 100, parts: [] }))).toBeNull();
    expect(parseBatch(JSON.stringify({ deadlineMs: 100, parts: [{ subgraph: "a", port: "1", body: "{}" }] }))).toBeNull();
    const tooMany = Array.from({ length: 33 }, () => ({ subgraph: "a", port: 1, body: "{}" }));
    expect(parseBatch(JSON.stringify({ deadlineMs: 100, parts: tooMany }))).toBeNull();
    expect(parseBatch(JSON.stringify({ deadlineMs: 100, parts: [{ subgraph: "a", port: 1, body: "{}" }] }))).not.toBeNull();
  });
});
