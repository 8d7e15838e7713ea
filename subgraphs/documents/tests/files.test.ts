import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  apiKeyIn,
  fileRequest,
  gql,
  newTenant,
  ok,
  OPS,
  prepareDocument,
  PNG_BASE64,
  signInput,
  startDocuments,
  systemIn,
  uploadPdf,
  type Tenant,
} from "./helpers.js";
import { makeRepeatedPagePdf, makeSourcePdf, pdfsig, sha256 } from "./pdf-fixtures.js";

describe("document files", () => {
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

  const newDraft = async () => ok((await gql(documents, a.owner.caller, OPS.create, { input: { title: "Upload test" } })).createDocument);

  it("accepts a PDF on a draft and reports its pages", async () => {
    const draft = await newDraft();
    const bytes = await makeSourcePdf(2);
    const response = await uploadPdf(documents, a.owner.caller, draft.id, bytes, encodeURIComponent("Lease – 2026.pdf"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.pageCount).toBe(2);
    expect(body.pages[0]).toMatchObject({ number: 1, width: expect.closeTo(595.28, 1), height: expect.closeTo(841.89, 1) });
    const document = (await gql(documents, a.owner.caller, OPS.get, { id: draft.id })).document;
    expect(document).toMatchObject({
      pageCount: 2,
      fileName: "Lease – 2026.pdf",
      originalSha256: sha256(bytes),
      originalPdfUrl: `/files/documents/documents/${draft.id}/original.pdf`,
    });
    const download = await fileRequest(documents, a.owner.caller, `${draft.id}/original.pdf`);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses what is not a readable PDF, naming the file", async () => {
    const draft = await newDraft();
    const wrongType = await fileRequest(documents, a.owner.caller, `${draft.id}/original.pdf`, {
      method: "POST",
      body: await makeSourcePdf(1),
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
    const notPdf = await uploadPdf(documents, a.owner.caller, draft.id, Buffer.from("hello, I am not a PDF"));
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).error).toMatchObject({ field: "file", message: expect.any(String) });
    const truncated = (await makeSourcePdf(1)).slice(0, 200);
    expect((await uploadPdf(documents, a.owner.caller, draft.id, truncated)).status).toBe(400);
    expect((await uploadPdf(documents, a.owner.caller, draft.id, new Uint8Array())).status).toBe(400);
    expect((await gql(documents, a.owner.caller, OPS.get, { id: draft.id })).document.pageCount).toBe(0);
  });

  it("refuses a PDF of more than 200 pages, naming the file, before listing its pages", async () => {
    const draft = await newDraft();
    const bomb = await makeRepeatedPagePdf(20_000);
    expect(bomb.byteLength).toBeLessThan(200_000);
    for (const bytes of [bomb, await makeRepeatedPagePdf(201)]) {
      const response = await uploadPdf(documents, a.owner.caller, draft.id, bytes, "huge-contract.pdf");
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({
        field: "file",
        message:
          "huge-contract.pdf has more than 200 pages. A document to sign can have at most 200 pages; split it and send the parts separately.",
      });
    }
    expect((await gql(documents, a.owner.caller, OPS.get, { id: draft.id })).document).toMatchObject({
      pageCount: 0,
      fileName: null,
      originalSha256: null,
    });
    const longest = await uploadPdf(documents, a.owner.caller, draft.id, await makeRepeatedPagePdf(200));
    expect(longest.status).toBe(200);
    expect((await longest.json()).pageCount).toBe(200);
  });

  it("uploads only for staff who may write, only on drafts, and only in their business", async () => {
    const [ada] = a.contacts;
    const draft = await newDraft();
    const bytes = await makeSourcePdf(1);
    expect((await uploadPdf(documents, apiKeyIn(a.businessId, ["read"]), draft.id, bytes)).status).toBe(404);
    expect((await uploadPdf(documents, ada.caller, draft.id, bytes)).status).toBe(404);
    expect((await uploadPdf(documents, b.owner.caller, draft.id, bytes)).status).toBe(404);
    expect((await uploadPdf(documents, anonymousIn(a.businessId), draft.id, bytes)).status).toBe(401);
    expect((await uploadPdf(documents, apiKeyIn(a.businessId, ["read", "write"]), draft.id, bytes)).status).toBe(200);
    const sent = await prepareDocument(documents, a, [{ who: ada }]);
    const late = await uploadPdf(documents, a.owner.caller, sent.id, bytes);
    expect(late.status).toBe(400);
    expect((await late.json()).error.message).toMatch(/already sent/);
  });

  it("drops fields beyond the last page of a replacement PDF", async () => {
    const [ada] = a.contacts;
    const draft = await prepareDocument(documents, a, [{ who: ada }], { send: false, pages: 3 });
    const recipientId = draft.recipients[0].id;
    await gql(documents, a.owner.caller, OPS.fields, {
      id: draft.id,
      fields: [
        { recipientId, kind: "SIGNATURE", page: 1, x: 0.1, y: 0.1, width: 0.2, height: 0.05 },
        { recipientId, kind: "TEXT", page: 3, x: 0.1, y: 0.1, width: 0.2, height: 0.05, label: "Title" },
      ],
    });
    expect((await uploadPdf(documents, a.owner.caller, draft.id, await makeSourcePdf(2))).status).toBe(200);
    const after = (await gql(documents, a.owner.caller, OPS.get, { id: draft.id })).document;
    expect(after.fields.map((f: any) => f.page)).toEqual([1]);
  });

  it("serves the original to recipients once sent, the sealed PDF once completed, and nothing to others", async () => {
    const [ada, grace, alan] = a.contacts;
    const sent = await prepareDocument(documents, a, [{ who: ada }, { who: grace, role: "CC" }]);
    expect((await fileRequest(documents, ada.caller, `${sent.id}/original.pdf`)).status).toBe(200);
    expect((await fileRequest(documents, ada.caller, `${sent.id}/signed.pdf`)).status).toBe(404);
    expect((await fileRequest(documents, systemIn(a.businessId), `${sent.id}/signed.pdf`)).status).toBe(404);
    ok(
      (await gql(documents, ada.caller, OPS.sign, { input: signInput(sent.id, { signature: { method: "DRAWN", drawnPng: PNG_BASE64 } }) }))
        .signDocument,
    );

    const completed = (await gql(documents, a.owner.caller, OPS.get, { id: sent.id })).document;
    for (const caller of [a.owner.caller, ada.caller, grace.caller, systemIn(a.businessId), apiKeyIn(a.businessId, ["read"])]) {
      const response = await fileRequest(documents, caller, `${sent.id}/signed.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain("(signed).pdf");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(sha256(bytes)).toBe(completed.finalSha256);
    }
    for (const caller of [alan.caller, b.owner.caller, systemIn(b.businessId)]) {
      expect((await fileRequest(documents, caller, `${sent.id}/signed.pdf`)).status).toBe(404);
      expect((await fileRequest(documents, caller, `${sent.id}/original.pdf`)).status).toBe(404);
    }
    expect((await fileRequest(documents, anonymousIn(a.businessId), `${sent.id}/signed.pdf`)).status).toBe(401);
    expect((await fileRequest(documents, a.owner.caller, `${sent.id}/other.pdf`)).status).toBe(404);

    const sealed = Buffer.from(await (await fileRequest(documents, ada.caller, `${sent.id}/signed.pdf`)).arrayBuffer());
    expect(await pdfsig(sealed)).toMatch(/Signature is Valid/);
  });
});
