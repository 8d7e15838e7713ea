import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PortalClient } from "./support/http-client.js";
import { createBusiness, signedInContact } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

const RESULT = `__typename ... on DocumentSuccess { document { id status recipients { id status } } } ... on UserError { message } ... on ValidationError { field }`;

async function contractPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText("Consulting agreement", { x: 50, y: 780, size: 16, font });
  return pdf.save();
}

async function pdfsig(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pdfsig-"));
  try {
    await writeFile(join(dir, "signed.pdf"), bytes);
    return (await promisify(execFile)("/usr/bin/pdfsig", [join(dir, "signed.pdf")])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Generous: emails go through two event hops (documents → automation), retried if a profile lags.
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("documents through the gateway", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("staff upload and send, two contacts sign in turn, everyone gets the sealed PDF", async () => {
    const business = await createBusiness(platform, "Signing Studio");
    const first = await signedInContact(platform, business, "Ada");
    const second = await signedInContact(platform, business, "Grace");
    const staff = business.staff;

    const created = await staff.data(`mutation($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`, {
      input: { title: "Consulting agreement" },
    });
    const id = created.createDocument.document.id;
    const upload = await staff.uploadPdf(`/files/documents/documents/${id}/original.pdf`, await contractPdf(), "agreement.pdf");
    expect(upload).toMatchObject({ status: 200, json: { pageCount: 1 } });

    // The contacts reach documents through identity's events: retry until they are known there.
    const setRecipients = () =>
      staff.data(
        `mutation($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${RESULT} } }`,
        {
          id,
          r: [
            { contactId: first.id, role: "SIGNER", order: 1 },
            { contactId: second.id, role: "SIGNER", order: 2 },
          ],
        },
      );
    const withRecipients = await eventually(setRecipients, (data) => data.setDocumentRecipients.__typename === "DocumentSuccess");
    const [r1, r2] = withRecipients.setDocumentRecipients.document.recipients;
    const fields = [r1, r2].map((r: any, index: number) => ({
      recipientId: r.id,
      kind: "SIGNATURE",
      page: 1,
      x: 0.1,
      y: 0.5 + index * 0.2,
      width: 0.3,
      height: 0.06,
    }));
    await staff.data(`mutation($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${RESULT} } }`, {
      id,
      f: fields,
    });
    const since = Date.now() - 1000;
    const sent = await staff.data(`mutation($id: ID!) { sendDocument(id: $id) { ${RESULT} } }`, { id });
    expect(sent.sendDocument.document.status).toBe("SENT");

    const mail = await eventually(
      () =>
        staff.data(`query($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject text createdAt } } } }`, {
          to: first.email,
        }),
      (data) => data.devMailbox.edges.some((e: any) => e.node.text.includes(`/documents/${id}`) && Date.parse(e.node.createdAt) >= since),
    );
    expect(mail.devMailbox.edges.some((e: any) => e.node.text.includes(`/documents/${id}`))).toBe(true);

    const sign = (client: PortalClient) =>
      client.data(`mutation($input: SignDocumentInput!) { signDocument(input: $input) { ${RESULT} } }`, {
        input: { documentId: id, consentVersion: "2026-01", consentAccepted: true, signature: { method: "TYPED", typedName: "Signed" } },
      });
    expect((await sign(second.client)).signDocument.__typename).toBe("DocumentStateError");
    expect((await sign(first.client)).signDocument.document.status).toBe("PARTIALLY_SIGNED");
    expect((await sign(second.client)).signDocument.document.status).toBe("COMPLETED");

    for (const client of [first.client, second.client, staff]) {
      const download = await client.download(`/files/documents/documents/${id}/signed.pdf`);
      expect(download.status).toBe(200);
      expect(await pdfsig(download.bytes)).toMatch(/Signature is Valid/);
    }
    const outsider = await createBusiness(platform, "Other Studio");
    expect((await outsider.staff.download(`/files/documents/documents/${id}/signed.pdf`)).status).toBe(404);

    // Automation mails the sealed copy to each party and reports back: EMAILED lands in the trail.
    const completed = await eventually(
      () =>
        staff.data(`query($to: String) { devMailbox(first: 20, to: $to) { edges { node { attachments { name contentType } } } } }`, {
          to: second.email,
        }),
      (data) => data.devMailbox.edges.some((e: any) => e.node.attachments.length > 0),
    );
    expect(completed.devMailbox.edges.flatMap((e: any) => e.node.attachments)).toContainEqual({
      name: "Consulting agreement (signed).pdf",
      contentType: "application/pdf",
    });
    const trail = await eventually(
      () =>
        staff.data(
          `query($id: ID!) { document(id: $id) { auditVerification { valid } auditTrail(first: 100) { edges { node { action details } } } } }`,
          { id },
        ),
      (data) =>
        data.document.auditTrail.edges.filter(
          (e: any) => e.node.action === "EMAILED" && JSON.parse(e.node.details).template === "DOCUMENT_COMPLETED",
        ).length >= 2,
    );
    const emailed = trail.document.auditTrail.edges
      .filter((e: any) => e.node.action === "EMAILED")
      .map((e: any) => JSON.parse(e.node.details));
    expect(emailed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ template: "SIGNATURE_REQUEST", recipient: first.email, status: "SENT" }),
        expect.objectContaining({ template: "DOCUMENT_COMPLETED", recipient: second.email, status: "SENT" }),
      ]),
    );
    expect(trail.document.auditVerification.valid).toBe(true);
  }, 180_000);
});
