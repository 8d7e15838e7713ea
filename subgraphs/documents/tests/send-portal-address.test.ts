import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, newTenant, OPS, prepareDocument, startDocuments } from "./helpers.js";

/** Links in signature requests come from identity's business snapshot only, never from the sender's request. */
describe("sending before the business's portal address is known", () => {
  let documents: RunningSubgraphProcess;
  beforeAll(async () => {
    documents = await startDocuments();
  });
  afterAll(async () => {
    await documents?.stop();
  });

  it("refuses to send, asking to try again, and sends once identity's snapshot has arrived", async () => {
    const tenant = await newTenant(documents);
    const draft = await prepareDocument(documents, tenant, [{ who: tenant.contacts[0] }], { send: false });
    const em = forkFor(documents.orm, null);
    const [business] = await sql<Record<string, unknown>>(em, `select * from documents.known_business where business_id = ?`, [
      tenant.businessId,
    ]);
    await sql(em, `delete from documents.known_business where business_id = ?`, [tenant.businessId]);

    const refused = (await gql(documents, tenant.owner.caller, OPS.send, { id: draft.id })).sendDocument;
    expect(refused).toMatchObject({
      __typename: "DocumentStateError",
      status: "DRAFT",
      message: expect.stringMatching(/not known yet; try again/),
    });
    expect(await sql(em, `select 1 from documents.outbox_event where payload->>'documentId' = ?`, [draft.id])).toHaveLength(0);

    const columns = Object.keys(business!);
    await sql(
      em,
      `insert into documents.known_business (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
      columns.map((c) => business![c]),
    );
    const sent = (await gql(documents, tenant.owner.caller, OPS.send, { id: draft.id })).sendDocument;
    expect(sent.__typename).toBe("DocumentSuccess");
    const [request] = await sql<{ payload: { link: string } }>(
      em,
      `select payload from documents.outbox_event where type = 'documents.signature.requested' and payload->>'documentId' = ?`,
      [draft.id],
    );
    expect(request!.payload.link).toBe(`${tenant.portalUrl}/documents/${draft.id}`);
  });
});
