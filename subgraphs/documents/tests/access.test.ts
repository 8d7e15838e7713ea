import { callSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousIn, apiKeyIn, gql, newTenant, ok, OPS, prepareDocument, signInput, startDocuments, type Tenant } from "./helpers.js";

const LIST = `query($status: DocumentStatus, $contactId: ID, $search: String) { documents(status: $status, contactId: $contactId, search: $search, first: 50) { totalCount edges { node { id title status } } } }`;
const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Document { id status myRecipient { id } } ... on Contact { id documentSummary { hasDocuments waitingForSignature } } } }`;
const CONTACT_LISTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Contact {
  pending: documents(list: PENDING_SIGNATURE) { edges { node { id } } }
  partial: documents(list: PARTIALLY_SIGNED) { edges { node { id } } }
  signed: documents(list: SIGNED) { edges { node { id } } }
  documentSummary { hasDocuments waitingForSignature } } } }`;

describe("who sees and changes documents", () => {
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

  it("keeps each business's documents to itself", async () => {
    const [ada] = a.contacts;
    const sent = await prepareDocument(documents, a, [{ who: ada }]);
    expect((await gql(documents, b.owner.caller, OPS.get, { id: sent.id })).document).toBeNull();
    expect((await gql(documents, b.owner.caller, LIST)).documents.edges.map((e: any) => e.node.id)).not.toContain(sent.id);
    // The same contact id presented in another business sees nothing either.
    expect(
      (await gql(documents, { ...b.contacts[0].caller, actor: { kind: "contact", id: ada.id } }, OPS.get, { id: sent.id })).document,
    ).toBeNull();
    for (const [name, query, variables] of [
      ["voidDocument", OPS.void, { id: sent.id, reason: "x" }],
      ["remindDocument", OPS.remind, { id: sent.id }],
      ["signDocument", OPS.sign, { input: signInput(sent.id) }],
    ] as const) {
      expect(
        (await gql(documents, name === "signDocument" ? b.contacts[0].caller : b.owner.caller, query, variables))[name].__typename,
      ).toBe("NotFoundError");
    }
    const entities = (await gql(documents, b.owner.caller, ENTITIES, { reps: [{ __typename: "Document", id: sent.id }] }))._entities;
    expect(entities).toEqual([null]);
    expect((await gql(documents, a.owner.caller, OPS.get, { id: sent.id })).document.status).toBe("SENT");
  });

  it("shows recipients their document only once sent, and other contacts nothing", async () => {
    const [ada, grace, alan] = a.contacts;
    const draft = await prepareDocument(documents, a, [{ who: ada }, { who: grace, role: "CC" }], { send: false });
    expect((await gql(documents, ada.caller, OPS.get, { id: draft.id })).document).toBeNull();
    expect((await gql(documents, ada.caller, OPS.view, { id: draft.id })).viewDocument.__typename).toBe("NotFoundError");
    ok((await gql(documents, a.owner.caller, OPS.send, { id: draft.id })).sendDocument);
    const mine = (await gql(documents, ada.caller, OPS.get, { id: draft.id })).document;
    expect(mine.myRecipient).toMatchObject({ status: "PENDING", isTheirTurn: true });
    expect((await gql(documents, grace.caller, OPS.get, { id: draft.id })).document.myRecipient.status).toBe("NOT_REQUIRED");
    expect((await gql(documents, alan.caller, OPS.get, { id: draft.id })).document).toBeNull();
    expect((await gql(documents, alan.caller, ENTITIES, { reps: [{ __typename: "Document", id: draft.id }] }))._entities).toEqual([null]);
    const denied = await callSubgraph(documents.url, ada.caller, LIST);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets READ keys read and WRITE keys change; asks anonymous callers to sign in", async () => {
    const [ada] = a.contacts;
    const draft = await prepareDocument(documents, a, [{ who: ada }], { send: false, input: { title: "Key test lease" } });
    const reader = apiKeyIn(a.businessId, ["read"]);
    expect((await gql(documents, reader, LIST, { search: "key TEST" })).documents.edges.map((e: any) => e.node.id)).toEqual([draft.id]);
    const refused = await callSubgraph(documents.url, reader, OPS.send, { id: draft.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const writer = apiKeyIn(a.businessId, ["read", "write"]);
    const sent = ok((await gql(documents, writer, OPS.send, { id: draft.id })).sendDocument);
    expect(sent.status).toBe("SENT");
    for (const query of [OPS.get, LIST]) {
      const anonymous = await callSubgraph(documents.url, anonymousIn(a.businessId), query, { id: draft.id });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const reference = await gql(documents, anonymousIn(a.businessId), CONTACT_LISTS, { reps: [{ __typename: "Contact", id: ada.id }] });
    expect(reference._entities).toEqual([null]);
    const byContact = (await gql(documents, a.owner.caller, LIST, { contactId: ada.id, status: "SENT" })).documents.edges.map(
      (e: any) => e.node.id,
    );
    expect(byContact).toContain(draft.id);
  });

  it("gives the contact their lists and dashboard summary, and nobody else's", async () => {
    const [, grace, alan] = a.contacts;
    const waiting = await prepareDocument(documents, a, [{ who: alan }]);
    const later = await prepareDocument(documents, a, [{ who: grace }, { who: alan }]);
    const partly = await prepareDocument(documents, a, [{ who: alan }, { who: grace }]);
    ok((await gql(documents, alan.caller, OPS.sign, { input: signInput(partly.id) })).signDocument);
    const done = await prepareDocument(documents, a, [{ who: alan }]);
    ok((await gql(documents, alan.caller, OPS.sign, { input: signInput(done.id) })).signDocument);
    await prepareDocument(documents, a, [{ who: alan }], { send: false });

    const lists = (await gql(documents, alan.caller, CONTACT_LISTS, { reps: [{ __typename: "Contact", id: alan.id }] }))._entities[0];
    const ids = (list: any) => list.edges.map((e: any) => e.node.id).sort();
    expect(ids(lists.pending)).toEqual([waiting.id, later.id].sort());
    expect(ids(lists.partial)).toEqual([partly.id]);
    expect(ids(lists.signed)).toEqual([done.id]);
    expect(lists.documentSummary).toEqual({ hasDocuments: true, waitingForSignature: 1 }); // `later` is Grace's turn first
    const staffView = (await gql(documents, a.owner.caller, CONTACT_LISTS, { reps: [{ __typename: "Contact", id: alan.id }] }))
      ._entities[0];
    expect(ids(staffView.pending)).toEqual(ids(lists.pending));

    expect((await gql(documents, grace.caller, ENTITIES, { reps: [{ __typename: "Contact", id: alan.id }] }))._entities).toEqual([null]);
    expect(
      (await gql(documents, b.owner.caller, CONTACT_LISTS, { reps: [{ __typename: "Contact", id: alan.id }] }))._entities[0].signed.edges,
    ).toEqual([]);
    const fresh = (await gql(documents, b.contacts[2].caller, ENTITIES, { reps: [{ __typename: "Contact", id: b.contacts[2].id }] }))
      ._entities[0];
    expect(fresh.documentSummary).toEqual({ hasDocuments: false, waitingForSignature: 0 });
  });

  it("lets a staff member counter-sign their own turn, visible through myRecipient", async () => {
    const [ada] = a.contacts;
    const sent = await prepareDocument(documents, a, [{ who: ada }, { who: a.colleague, kind: "staff" }]);
    const own = (await gql(documents, a.colleague.caller, OPS.get, { id: sent.id })).document;
    expect(own.myRecipient).toMatchObject({ isTheirTurn: false });
    expect(own.recipients[1]).toMatchObject({ kind: "STAFF", name: "Sam Staff", staff: { id: a.colleague.id } });
    expect((await gql(documents, a.colleague.caller, OPS.sign, { input: signInput(sent.id) })).signDocument.__typename).toBe(
      "DocumentStateError",
    );
    ok((await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    const completed = ok((await gql(documents, a.colleague.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    expect(completed.status).toBe("COMPLETED");
    // The owner is staff but not a recipient: they read everything and sign nothing.
    expect((await gql(documents, a.owner.caller, OPS.get, { id: sent.id })).document.myRecipient).toBeNull();
  });
});
