import { socketParams, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousIn, apiKeyIn, gql, newTenant, ok, OPS, prepareDocument, signInput, startDocuments, type Tenant } from "./helpers.js";

const SUBSCRIPTION = `subscription($id: ID) { documentChanged(documentId: $id) { change recipientId document { id status recipients { status } } } }`;

/** Subscribes as `caller` and collects what arrives. */
function listen(documents: RunningSubgraphProcess, caller: Caller, documentId: string | null = null) {
  const client = createClient({
    url: documents.url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: socketParams(caller),
  });
  const received: any[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query: SUBSCRIPTION, variables: { id: documentId } },
    {
      next: (value) => (value.errors ? errors.push(value.errors) : received.push(value.data!.documentChanged)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { received, errors, close: () => client.dispose() };
}

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 8000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for live updates");
    await settle(50);
  }
}

describe("documentChanged subscription", () => {
  let documents: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    [a, b] = await Promise.all([newTenant(documents), newTenant(documents)]);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  it("delivers to the parties and the business's staff only", async () => {
    const [ada, grace, alan] = a.contacts;
    const staff = listen(documents, a.owner.caller);
    const readKey = listen(documents, apiKeyIn(a.businessId, ["read"]));
    const first = listen(documents, ada.caller);
    const second = listen(documents, grace.caller);
    const bystander = listen(documents, alan.caller); // same business, not a recipient
    const otherStaff = listen(documents, b.owner.caller);
    const sameIdElsewhere = listen(documents, { ...b.contacts[0].caller, actor: { kind: "contact", id: ada.id } });
    await settle();

    const sent = await prepareDocument(documents, a, [{ who: ada }, { who: grace }]);
    await gql(documents, ada.caller, OPS.view, { id: sent.id });
    ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    ok((await gql(documents, grace.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    await until(() => first.received.length >= 4 && second.received.length >= 4 && staff.received.length >= 7);
    await settle(300);

    const changes = (listener: { received: any[] }) => listener.received.map((event) => `${event.change}:${event.document.status}`);
    const afterSending = ["SENT:SENT", "VIEWED:SENT", "SIGNED:PARTIALLY_SIGNED", "COMPLETED:COMPLETED"];
    expect(changes(first)).toEqual(afterSending); // never the draft's edits
    expect(changes(second)).toEqual(afterSending);
    expect(changes(staff)).toEqual(["UPDATED:DRAFT", "UPDATED:DRAFT", "UPDATED:DRAFT", "UPDATED:DRAFT", ...afterSending]);
    expect(readKey.received).toHaveLength(staff.received.length);
    expect(first.received[1].recipientId).toBe(sent.recipients[0].id);
    for (const outsider of [bystander, otherStaff, sameIdElsewhere]) expect(outsider.received).toEqual([]);
    await Promise.all([staff, readKey, first, second, bystander, otherStaff, sameIdElsewhere].map((listener) => listener.close()));
  });

  it("filters by document and refuses anonymous subscribers", async () => {
    const [ada] = a.contacts;
    const one = await prepareDocument(documents, a, [{ who: ada }]);
    const other = await prepareDocument(documents, a, [{ who: ada }]);
    const focused = listen(documents, a.owner.caller, one.id);
    const anonymous = listen(documents, anonymousIn(a.businessId));
    await settle();
    await gql(documents, ada.caller, OPS.view, { id: other.id });
    await gql(documents, ada.caller, OPS.view, { id: one.id });
    await until(() => focused.received.length >= 1 && anonymous.errors.length > 0);
    await settle(300);
    expect(focused.received.map((event) => event.document.id)).toEqual([one.id]);
    expect(JSON.stringify(anonymous.errors)).toMatch(/Sign in required|UNAUTHENTICATED/);
    await Promise.all([focused.close(), anonymous.close()]);
  });
});
