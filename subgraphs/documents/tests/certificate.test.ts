import { forkFor, sql, TEST_SECRET, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDevelopmentCertificate } from "../src/certificate/certificate-store.js";
import { createDocumentsSubgraph, DocumentsConfigError } from "../src/index.js";
import { createDevelopmentCertificate } from "../src/pdf/index.js";
import { fileRequest, gql, newTenant, ok, OPS, prepareDocument, signInput, startDocuments } from "./helpers.js";
import { pdfsig } from "./pdf-fixtures.js";

describe("the platform signing certificate", () => {
  let documents: RunningSubgraphProcess;
  beforeAll(async () => {
    documents = await startDocuments();
  });
  afterAll(async () => {
    await documents?.stop();
  });

  it("is required in production, and a configured one must open", () => {
    expect(() => createDocumentsSubgraph({ portalSecret: TEST_SECRET, production: true })).toThrow(DocumentsConfigError);
    const configured = createDevelopmentCertificate("Acme Seal");
    const wrong = { p12Base64: configured.p12.toString("base64"), passphrase: "not the passphrase" };
    expect(() => createDocumentsSubgraph({ portalSecret: TEST_SECRET, production: true, signingCertificate: wrong })).toThrow(
      /SIGNING_CERTIFICATE_P12/,
    );
    const right = { p12Base64: configured.p12.toString("base64"), passphrase: configured.passphrase };
    expect(createDocumentsSubgraph({ portalSecret: TEST_SECRET, production: true, signingCertificate: right }).name).toBe("documents");
  });

  it("is generated once in development, even when instances start together, and kept sealed", async () => {
    const em = forkFor(documents.orm, null);
    await sql(em, `delete from documents.signing_certificate`);
    const loaded = await Promise.all([1, 2, 3].map(() => loadDevelopmentCertificate(documents.orm, TEST_SECRET)));
    expect(new Set(loaded.map((c) => c.p12.toString("base64"))).size).toBe(1);
    const rows = await sql<{ sealed_p12: string; sealed_passphrase: string }>(
      em,
      `select sealed_p12, sealed_passphrase from documents.signing_certificate`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealed_p12).not.toContain(loaded[0]!.p12.toString("base64").slice(0, 40));
    expect(rows[0]!.sealed_passphrase).not.toContain(loaded[0]!.passphrase);
  });

  it("seals completed documents with the configured certificate", async () => {
    const configured = createDevelopmentCertificate("Acme Configured Seal");
    const own = await startDocuments({
      signingCertificate: { p12Base64: configured.p12.toString("base64"), passphrase: configured.passphrase },
    });
    try {
      const tenant = await newTenant(own);
      const [ada] = tenant.contacts;
      const sent = await prepareDocument(own, tenant, [{ who: ada }]);
      ok((await gql(own, ada.caller, OPS.sign, { input: signInput(sent.id) })).signDocument);
      const sealed = Buffer.from(await (await fileRequest(own, ada.caller, `${sent.id}/signed.pdf`)).arrayBuffer());
      const report = await pdfsig(sealed);
      expect(report).toContain("Acme Configured Seal");
      expect(report).toMatch(/Signature is Valid/);
    } finally {
      await own.stop();
    }
  });
});
