import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditActions,
  fileRequest,
  gql,
  newTenant,
  ok,
  OPS,
  outboxEvents,
  PNG_BASE64,
  prepareDocument,
  signInput,
  startDocuments,
  type Tenant,
} from "./helpers.js";
import { byteRange, pageTexts, pdfsig, sha256 } from "./pdf-fixtures.js";

describe("completion", () => {
  let documents: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    documents = await startDocuments();
    tenant = await newTenant(documents);
  });
  afterAll(async () => {
    await documents?.stop();
  });

  it("stamps the values, appends the certificate and seals a PDF that verifies until one byte changes", async () => {
    const [ada, grace] = tenant.contacts;
    const draft = await prepareDocument(documents, tenant, [{ who: ada }, { who: grace, role: "CC" }], { send: false });
    const recipientId = draft.recipients[0].id;
    const fields = [
      { recipientId, kind: "SIGNATURE", page: 1, x: 0.1, y: 0.7, width: 0.3, height: 0.08 },
      { recipientId, kind: "INITIALS", page: 2, x: 0.8, y: 0.9, width: 0.1, height: 0.05 },
      { recipientId, kind: "DATE_SIGNED", page: 1, x: 0.5, y: 0.7, width: 0.2, height: 0.04 },
      { recipientId, kind: "TEXT", page: 1, x: 0.1, y: 0.5, width: 0.4, height: 0.04, label: "Job title", required: true },
      { recipientId, kind: "TEXT", page: 1, x: 0.1, y: 0.4, width: 0.4, height: 0.04, label: "Notes", required: false },
    ];
    const placed = ok((await gql(documents, tenant.owner.caller, OPS.fields, { id: draft.id, fields })).setDocumentFields);
    ok((await gql(documents, tenant.owner.caller, OPS.send, { id: draft.id })).sendDocument);
    const jobTitle = placed.fields[3];

    const missing = (await gql(documents, ada.caller, OPS.sign, { input: signInput(draft.id) })).signDocument;
    expect(missing).toMatchObject({ __typename: "ValidationError", field: `fieldValues.${jobTitle.id}` });
    const tooLong = (
      await gql(documents, ada.caller, OPS.sign, {
        input: signInput(draft.id, { fieldValues: [{ fieldId: jobTitle.id, value: "x".repeat(501) }] }),
      })
    ).signDocument;
    expect(tooLong).toMatchObject({ __typename: "ValidationError", field: "fieldValues.0.value" });
    const badPng = (
      await gql(documents, ada.caller, OPS.sign, {
        input: signInput(draft.id, { signature: { method: "DRAWN", drawnPng: Buffer.from("not a png").toString("base64") } }),
      })
    ).signDocument;
    expect(badPng).toMatchObject({ __typename: "ValidationError", field: "signature.drawnPng" });

    const done = ok(
      (
        await gql(documents, ada.caller, OPS.sign, {
          input: signInput(draft.id, {
            signature: { method: "DRAWN", drawnPng: `data:image/png;base64,${PNG_BASE64}` },
            fieldValues: [{ fieldId: jobTitle.id, value: "Chief Analyst" }],
          }),
        })
      ).signDocument,
    );
    expect(done.status).toBe("COMPLETED");
    const today = new Date().toISOString().slice(0, 10);
    expect(Object.fromEntries(done.fields.map((f: any) => [f.kind === "TEXT" ? f.label : f.kind, f.value]))).toEqual({
      SIGNATURE: null,
      INITIALS: "AL",
      DATE_SIGNED: today,
      "Job title": "Chief Analyst",
      Notes: null,
    });
    expect(done.recipients[0]).toMatchObject({ status: "SIGNED", signatureMethod: "DRAWN" });

    const sealed = Buffer.from(await (await fileRequest(documents, ada.caller, `${draft.id}/signed.pdf`)).arrayBuffer());
    expect(sha256(sealed)).toBe(done.finalSha256);
    expect(await pdfsig(sealed)).toMatch(/Signature is Valid/);
    const texts = await pageTexts(sealed);
    expect(texts[0]).toContain("Chief Analyst");
    const certificate = texts.slice(2).join(" ");
    for (const expected of ["Ada Lovelace", "Grace Hopper", "portal sign-in by emailed link", "2026-01", done.originalSha256])
      expect(certificate).toContain(expected);

    const tampered = Buffer.from(sealed);
    const at = Math.floor(byteRange(sealed)[1]! / 2); // inside the signed bytes
    tampered[at] = tampered[at]! ^ 0x01;
    expect(await pdfsig(tampered)).not.toMatch(/Signature is Valid/);

    const [row] = await sql<{ details: string }>(
      forkFor(documents.orm, null),
      `select details from documents.audit_entry where document_id = ? and action = 'COMPLETED'`,
      [draft.id],
    );
    expect(JSON.parse(row!.details)).toMatchObject({ finalSha256: done.finalSha256, originalSha256: done.originalSha256 });
    const completedEvent = (await outboxEvents(documents, draft.id)).find((e) => e.type === "documents.document.completed")!;
    expect(completedEvent.payload.finalSha256).toBe(done.finalSha256);
  });

  it("completes exactly once when the last two signers act at the same moment", async () => {
    const signers = tenant.contacts;
    const sent = await prepareDocument(
      documents,
      tenant,
      signers.map((who) => ({ who })),
      { signingOrder: "PARALLEL" },
    );
    ok((await gql(documents, signers[0].caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
    const results = await Promise.all(signers.slice(1).map((who) => gql(documents, who.caller, OPS.sign, { input: signInput(sent.id) })));
    expect(results.map((r) => r.signDocument.__typename)).toEqual(["DocumentSuccess", "DocumentSuccess"]);
    const actions = await auditActions(documents, sent.id);
    expect(actions.filter((a) => a === "COMPLETED")).toHaveLength(1);
    expect(actions.at(-1)).toBe("COMPLETED");
    expect((await outboxEvents(documents, sent.id)).filter((e) => e.type === "documents.document.completed")).toHaveLength(1);
    const final = (
      await gql(documents, tenant.owner.caller, `query($id: ID!) { document(id: $id) { status auditVerification { valid } } }`, {
        id: sent.id,
      })
    ).document;
    expect(final).toEqual({ status: "COMPLETED", auditVerification: { valid: true } });
  });
});
