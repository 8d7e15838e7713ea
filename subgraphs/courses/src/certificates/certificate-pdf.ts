import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { decodeInlineLogo } from "@portal/kit";
import PDFDocument from "pdfkit";
import qrcode from "qrcode-generator";

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans, read once per process: names and titles can be in any script (the standard fonts cover only WinAnsi). */
function fontFiles(): { regular: Buffer; bold: Buffer } {
  const load = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  fonts ??= { regular: load("DejaVuSans.ttf"), bold: load("DejaVuSans-Bold.ttf") };
  return fonts;
}

export interface CertificateContent {
  businessName: string;
  /** The business's branding logo; drawn above its name when it is an inline PNG or JPEG. */
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  studentName: string;
  courseTitle: string;
  issuedAt: Date;
  code: string;
  /** The business's portal page that verifies the code (encoded in the QR code). */
  verificationUrl: string;
}

const HEX = /^#[0-9a-f]{6}$/i;
const colour = (value: string, fallback: string) => (HEX.test(value) ? value : fallback);

/** Draws the QR code as vector squares: sharp at any zoom, no image library. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const cell = size / (count + 8); // four modules of quiet zone on each side
  doc.save().rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (qr.isDark(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell).fill("#000000");
  doc.restore();
}

/**
 * A landscape A4 certificate in the business's colours: its logo and name, the student, the course, the date
 * of completion, the verification code and a QR code of the verification page. Drawn from stored
 * fields, so the same certificate always reads the same.
 */
export function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const primary = colour(content.primaryColor, "#2563eb");
  const accent = colour(content.accentColor, "#f59e0b");
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    info: { Title: `Certificate of completion: ${content.courseTitle}`, Author: content.businessName, Subject: content.studentName },
  });
  const files = fontFiles();
  doc.registerFont("Body", files.regular);
  doc.registerFont("Body-Bold", files.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { width, height } = doc.page;
  doc.rect(0, 0, width, height).fill("#ffffff");
  doc
    .lineWidth(10)
    .rect(24, 24, width - 48, height - 48)
    .stroke(primary);
  doc
    .lineWidth(2)
    .rect(40, 40, width - 80, height - 80)
    .stroke(accent);
  const text = (value: string, y: number, size: number, font = "Body", fill = "#111827") =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(fill)
      .text(value, 80, y, { width: width - 160, align: "center" });
  const logo = decodeInlineLogo(content.logoUrl);
  let nameY = 80;
  if (logo) {
    try {
      doc.image(logo, width / 2 - 90, 52, { fit: [180, 34], align: "center", valign: "center" });
      nameY = 92;
    } catch {
      // Passes the signature check yet cannot be decoded: the name alone, as without a logo.
    }
  }
  text(content.businessName, nameY, nameY === 80 ? 18 : 15, "Body-Bold", primary);
  text("Certificate of completion", 130, 34, "Body-Bold");
  text("This certifies that", 200, 14, "Body", "#4b5563");
  text(content.studentName, 228, content.studentName.length > 40 ? 20 : 30, "Body-Bold", primary);
  text("has completed the course", 280, 14, "Body", "#4b5563");
  text(content.courseTitle, 306, content.courseTitle.length > 60 ? 14 : 22, "Body-Bold");
  const date = content.issuedAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  text(`Completed on ${date}`, 360, 13, "Body", "#4b5563");
  const qrSize = 96;
  drawQr(doc, content.verificationUrl, width - 80 - qrSize, height - 80 - qrSize, qrSize);
  doc
    .font("Body")
    .fontSize(10)
    .fillColor("#4b5563")
    .text(`Verification code: ${content.code}`, 80, height - 110)
    .text(`Verify at ${content.verificationUrl}`, 80, height - 94, { width: width - 200 });
  doc.end();
  return done;
}
