import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildSealedPdf,
  createDevelopmentCertificate,
  inspectPdf,
  type CertificateAuditEntry,
  type CertificateRecipient,
  type SigningCertificate,
  type StampField,
} from "../src/pdf/index.js";
import { getDocumentProxy } from "unpdf";
import { byteRange, makePng, makeSourcePdf, pageTexts, pdfsig, sha256 } from "./pdf-fixtures.js";

const VALID = "Signature Validation: Signature is Valid.";

const completedAt = new Date("2026-03-04T15:06:07Z");

function recipient(overrides: Partial<CertificateRecipient>): CertificateRecipient {
  return {
    name: "Ana Núñez",
    email: "ana@example.com",
    role: "SIGNER",
    verification: "portal sign-in by emailed link",
    status: "SIGNED",
    viewedAt: new Date("2026-03-04T14:00:00Z"),
    signedAt: new Date("2026-03-04T14:05:00Z"),
    ip: "203.0.113.7",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    signatureMethod: "DRAWN",
    consentVersion: "2026-01",
    ...overrides,
  };
}

const recipients: CertificateRecipient[] = [
  recipient({}),
  recipient({
    name: "Zoë Łukasiewicz",
    email: "zoe@example.com",
    ip: "2001:db8:85a3::8a2e:370:7334",
    signatureMethod: "TYPED",
    signedAt: new Date("2026-03-04T15:06:07Z"),
  }),
  recipient({
    name: "Priya Raman",
    email: "priya@example.com",
    role: "APPROVER",
    verification: "staff sign-in",
    status: "APPROVED",
    ip: "198.51.100.23",
    signatureMethod: null,
  }),
  recipient({
    name: "Copy Reader",
    email: "cc@example.com",
    role: "CC",
    status: "NOT_REQUIRED",
    viewedAt: null,
    signedAt: null,
    ip: null,
    userAgent: null,
    signatureMethod: null,
    consentVersion: null,
  }),
];

function auditTrail(count: number): CertificateAuditEntry[] {
  const actions = ["CREATED", "SENT", "VIEWED", "CONSENTED", "SIGNED", "EMAILED"];
  return Array.from({ length: count }, (_, index) => ({
    sequence: index + 1,
    action: actions[index % actions.length]!,
    actorName: index % 2 ? "Zoë Łukasiewicz" : "Sam Owner",
    occurredAt: new Date(Date.UTC(2026, 2, 4, 9, index)),
    ip: "203.0.113.7",
    userAgent: null,
    hash: sha256(new TextEncoder().encode(`entry ${index + 1}`)),
  }));
}

const drawnPng = makePng(300, 100);

const fields: StampField[] = [
  { kind: "SIGNATURE", page: 1, x: 0.1, y: 0.75, width: 0.3, height: 0.08, text: null, signaturePng: drawnPng },
  { kind: "DATE_SIGNED", page: 1, x: 0.45, y: 0.77, width: 0.2, height: 0.03, text: "March 4, 2026", signaturePng: null },
  { kind: "TEXT", page: 1, x: 0.1, y: 0.4, width: 0.5, height: 0.05, text: "Company number 09876543", signaturePng: null },
  // Page 2 is rotated: fields are placed on it as displayed (landscape).
  { kind: "SIGNATURE", page: 2, x: 0.55, y: 0.8, width: 0.35, height: 0.1, text: "Zoë Łukasiewicz", signaturePng: null },
  { kind: "INITIALS", page: 2, x: 0.05, y: 0.85, width: 0.08, height: 0.06, text: "ZŁ", signaturePng: null },
  { kind: "TEXT", page: 2, x: 0.05, y: 0.1, width: 0.4, height: 0.04, text: "Delivery to Łódź warehouse", signaturePng: null },
];

describe("buildSealedPdf", () => {
  let certificate: SigningCertificate;
  let original: Uint8Array;
  let sealed: { pdf: Buffer; stampedSha256: string; finalSha256: string };
  let texts: string[];

  beforeAll(async () => {
    certificate = createDevelopmentCertificate("Client Portal test seal");
    original = await makeSourcePdf();
    sealed = await buildSealedPdf({
      original,
      originalSha256: sha256(original),
      documentId: "6f1c2d7e-0b4a-4c55-9a65-3f0d1e2c9b11",
      title: "Services agreement",
      businessName: "Zoë's Studio",
      completedAt,
      fields,
      recipients,
      audit: auditTrail(12),
      certificate,
    });
    texts = await pageTexts(sealed.pdf);
  });

  it("seals the file so pdfsig reports the signature valid for the whole document", async () => {
    const report = await pdfsig(sealed.pdf);
    expect(report).toContain(VALID);
    expect(report).toContain("Signer Certificate Common Name: Client Portal test seal");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    expect(report).toContain("Signature Type: adbe.pkcs7.detached");
    expect(report).toContain("Total document signed");
  });

  it("fails verification when one byte of the signed content changes", async () => {
    const [, signedUntil] = byteRange(sealed.pdf);
    // A byte inside the first content stream (the original first page), well before the signature.
    const text = sealed.pdf.toString("latin1");
    const streamStart = text.indexOf("stream\n") + "stream\n".length;
    const position = streamStart + 10;
    expect(position).toBeLessThan(signedUntil!);
    const tampered = Buffer.from(sealed.pdf);
    tampered[position] = tampered[position]! ^ 0x01;

    const report = await pdfsig(tampered);
    expect(report).toContain("Signature Validation:");
    expect(report).not.toContain(VALID);
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it("fails verification when a page's size is altered by one digit", async () => {
    const text = sealed.pdf.toString("latin1");
    const position = text.indexOf("/MediaBox [ 0 0 595.28") + "/MediaBox [ 0 0 59".length;
    const tampered = Buffer.from(sealed.pdf);
    tampered[position] = "6".charCodeAt(0); // 595.28 → 596.28

    const report = await pdfsig(tampered);
    expect(report).not.toContain(VALID);
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it("reports the hashes of the stamped content and of the sealed file", () => {
    expect(sealed.finalSha256).toBe(sha256(sealed.pdf));
    expect(sealed.stampedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([sha256(original), sealed.stampedSha256, sealed.finalSha256]).size).toBe(3);
  });

  it("keeps the original pages as they were and appends the certificate", async () => {
    const { pageCount, pages } = await inspectPdf(sealed.pdf);
    const certificatePages = Number(/Page 1 of (\d+)/.exec(texts[2] ?? "")?.[1]);
    expect(certificatePages).toBeGreaterThanOrEqual(1);
    expect(pageCount).toBe(2 + certificatePages);
    expect(pages.slice(0, 2)).toEqual((await inspectPdf(original)).pages);
    expect(texts[0]).toContain("Services agreement, page 1");
    expect(texts[1]).toContain("Services agreement, page 2");
    texts.slice(2).forEach((text, index) => {
      expect(text).toContain("Signing certificate");
      expect(text).toContain(`Page ${index + 1} of ${certificatePages}`);
    });
  });

  it("stamps field values and the typed signature onto their pages", () => {
    expect(texts[0]).toContain("March 4, 2026");
    expect(texts[0]).toContain("Company number 09876543");
    expect(texts[1]).toContain("Zoë Łukasiewicz");
    expect(texts[1]).toContain("ZŁ");
    expect(texts[1]).toContain("Delivery to Łódź warehouse");
  });

  it("places fields where they were put on the page as displayed, upright, also on a rotated page", async () => {
    const document = await getDocumentProxy(new Uint8Array(sealed.pdf));
    const placement = async (pageNumber: number, text: string) => {
      const page = await document.getPage(pageNumber);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const item = content.items.find((entry) => "str" in entry && entry.str.includes(text));
      if (!item || !("transform" in item)) throw new Error(`${text} not found on page ${pageNumber}`);
      const [a, b, c, d, e, f] = viewport.transform as number[];
      const [ta, tb, , , tx, ty] = item.transform as number[];
      // The text's baseline origin and direction in display coordinates (top-left origin, y down).
      const x = a! * tx! + c! * ty! + e!;
      const y = b! * tx! + d! * ty! + f!;
      const direction = [a! * ta! + c! * tb!, b! * ta! + d! * tb!];
      return { x: x / viewport.width, y: y / viewport.height, direction };
    };
    const delivery = await placement(2, "Delivery to");
    expect(delivery.x).toBeGreaterThan(0.05);
    expect(delivery.x).toBeLessThan(0.07);
    expect(delivery.y).toBeGreaterThan(0.1);
    expect(delivery.y).toBeLessThan(0.14);
    expect(delivery.direction[0]).toBeGreaterThan(0);
    expect(Math.abs(delivery.direction[1]!)).toBeLessThan(1e-6);

    const company = await placement(1, "Company number");
    expect(company.x).toBeGreaterThan(0.1);
    expect(company.x).toBeLessThan(0.12);
    expect(company.y).toBeGreaterThan(0.4);
    expect(company.y).toBeLessThan(0.45);
  });

  it("embeds the drawn signature as an image on its page", async () => {
    const pdf = await PDFDocument.load(sealed.pdf);
    const imagesOn = (pageIndex: number) => {
      const xObjects = pdf.getPage(pageIndex).node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
      return (xObjects?.keys() ?? [])
        .map((key) => xObjects!.lookup(key))
        .filter((object): object is PDFRawStream => object instanceof PDFRawStream)
        .filter((stream) => stream.dict.get(PDFName.of("Subtype")) === PDFName.of("Image"))
        .map((stream) => [stream.dict.get(PDFName.of("Width"))?.toString(), stream.dict.get(PDFName.of("Height"))?.toString()]);
    };
    expect(imagesOn(0)).toEqual([["300", "100"]]);
    expect(imagesOn(1)).toEqual([]);
  });

  it("lists the document, both fingerprints and every recipient on the certificate", () => {
    const certificate = texts.slice(2).join(" ");
    expect(certificate).toContain("Services agreement");
    expect(certificate).toContain("6f1c2d7e-0b4a-4c55-9a65-3f0d1e2c9b11");
    expect(certificate).toContain("Zoë's Studio");
    expect(certificate).toContain("2026-03-04 15:06:07 UTC");
    expect(certificate).toContain(sha256(original));
    expect(certificate).toContain(sealed.stampedSha256);
    for (const { name, email, ip } of recipients) {
      expect(certificate).toContain(name);
      expect(certificate).toContain(email);
      if (ip) expect(certificate).toContain(ip);
    }
    expect(certificate).toContain("portal sign-in by emailed link");
    expect(certificate).toContain("staff sign-in");
    expect(certificate).toContain("Consent version 2026-01");
    expect(certificate).toContain("Typed name");
    expect(certificate).toContain("Drawn");
    expect(certificate).toContain("Receives a copy (CC)");
    expect(certificate).toContain("Chrome/126.0 Safari/537.36");
  });

  it("includes the audit trail with hash prefixes", () => {
    const certificate = texts.slice(2).join(" ");
    const entries = auditTrail(12);
    expect(certificate).toContain("Audit trail");
    for (const entry of [entries[0]!, entries[11]!]) expect(certificate).toContain(entry.hash.slice(0, 16));
    expect(certificate).toContain("2026-03-04 09:11:00");
    expect(certificate).toContain("Consented");
  });

  it("continues a long audit trail over further certificate pages, still sealed", async () => {
    const entries = auditTrail(150);
    const result = await buildSealedPdf({
      original,
      originalSha256: sha256(original),
      documentId: "long-trail",
      title: "Long trail",
      businessName: "Łódź Legal",
      completedAt,
      fields: [],
      recipients,
      audit: entries,
      certificate,
    });
    const pages = await pageTexts(result.pdf);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const certificatePages = pages.slice(2);
    expect(certificatePages.at(-1)).toContain(entries.at(-1)!.hash.slice(0, 16));
    expect(certificatePages[1]).toContain("Signing certificate (continued)");
    expect(certificatePages.at(-1)).toContain(`Page ${certificatePages.length} of ${certificatePages.length}`);
    for (const entry of entries) expect(certificatePages.join(" ")).toContain(entry.hash.slice(0, 16));
    expect(await pdfsig(result.pdf)).toContain(VALID);
  });

  it("seals a 20-page document", async () => {
    const twenty = await makeSourcePdf(20);
    const result = await buildSealedPdf({
      original: twenty,
      originalSha256: sha256(twenty),
      documentId: "twenty",
      title: "Twenty pages",
      businessName: "Studio",
      completedAt,
      fields: Array.from({ length: 20 }, (_, index) => ({ ...fields[0]!, page: index + 1 })),
      recipients,
      audit: auditTrail(30),
      certificate,
    });
    expect((await inspectPdf(result.pdf)).pageCount).toBeGreaterThanOrEqual(21);
    expect(await pdfsig(result.pdf)).toContain(VALID);
  });
});
