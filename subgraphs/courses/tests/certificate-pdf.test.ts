import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { renderCertificatePdf } from "../src/certificates/certificate-pdf.js";

const PNG_LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const content = {
  businessName: "Brightside Studio",
  primaryColor: "#0f766e",
  accentColor: "#f59e0b",
  studentName: "Alex Rivera",
  courseTitle: "Bookkeeping basics",
  issuedAt: new Date("2026-12-01T10:00:00Z"),
  code: "ABCD-EFGH-JKLM",
  verificationUrl: "http://brightside.localhost:4000/certificates/verify/ABCD-EFGH-JKLM",
};

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe("certificate PDF", () => {
  it("carries the business's logo above its name when the branding has one", async () => {
    const pdf = await renderCertificatePdf({ ...content, logoUrl: PNG_LOGO });
    expect(pdf.toString("latin1")).toContain("/Subtype /Image");
    const text = await textOf(pdf);
    expect(text).toContain("Brightside Studio");
    expect(text).toContain("Alex Rivera");
    expect(text).toContain("Completed on 1 December 2026");
  });

  it("shows the name alone without a logo, or with one that is not an inline PNG or JPEG", async () => {
    for (const logoUrl of [null, "https://cdn.example.test/logo.png", "data:image/png;base64,iVBORw0KGgoAAAAjunk"]) {
      const pdf = await renderCertificatePdf({ ...content, logoUrl });
      expect(pdf.toString("latin1")).not.toContain("/Subtype /Image");
      expect(await textOf(pdf)).toContain("Brightside Studio");
    }
  });
});
