import { callSubgraph, forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, newTenant, ok, OPS, prepareDocument, signInput, startDocuments, type Tenant } from "./helpers.js";

/** Invisible control characters in documents' text arguments are refused before anything runs. */
describe("control characters in documents' text arguments", () => {
  let documents: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    tenant = await newTenant(documents);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  const documentCount = async () =>
    Number(
      (
        await sql<{ count: string }>(forkFor(documents.orm, null), `select count(*) from documents.document where business_id = ?`, [
          tenant.businessId,
        ])
      )[0]!.count,
    );

  it("a NUL in a title is BAD_USER_INPUT naming input.title and creates nothing; the message keeps its line breaks", async () => {
    const before = await documentCount();
    const response = await callSubgraph(documents.url, tenant.owner.caller, OPS.create, { input: { title: "Lease\u0000" } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(await documentCount()).toBe(before);
    const created = ok(
      (await gql(documents, tenant.owner.caller, OPS.create, { input: { title: "Lease", message: "Hello,\n\nplease sign.\tThanks" } }))
        .createDocument,
    );
    expect(created.title).toBe("Lease");
  });

  it("a signer's typed name is one line; a void reason may have several", async () => {
    const [ada] = tenant.contacts;
    const sent = await prepareDocument(documents, tenant, [{ who: ada }]);
    const signed = await callSubgraph(documents.url, ada.caller, OPS.sign, {
      input: signInput(sent.id, { signature: { method: "TYPED", typedName: "Ada\nLovelace" } }),
    });
    expect(signed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.signature.typedName" });
    expect((await gql(documents, tenant.owner.caller, OPS.get, { id: sent.id })).document.recipients[0].status).toBe("PENDING");
    const voided = ok(
      (await gql(documents, tenant.owner.caller, OPS.void, { id: sent.id, reason: "Wrong terms.\nA new version follows." })).voidDocument,
    );
    expect(voided).toMatchObject({ status: "VOIDED", voidReason: "Wrong terms.\nA new version follows." });
  });
});
