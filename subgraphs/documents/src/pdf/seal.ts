import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { P12Signer } from "@signpdf/signer-p12";
import { SignPdf } from "@signpdf/signpdf";
import type { PDFDocument } from "pdf-lib";
import type { SigningCertificate } from "./signing-certificate.js";

/**
 * Room reserved for the PKCS#7 signature, in hex digits. An RSA 2048 signature with one certificate
 * takes about 3,000; a commercial certificate with its chain up to roughly 12,000.
 */
const SIGNATURE_LENGTH = 24_576;

/**
 * A PDF literal string for the signature dictionary. The placeholder library writes strings as
 * given, unescaped and byte per character, so escaping and UTF-16 (for names outside Latin-1) are
 * done here.
 */
export function pdfTextLiteral(text: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(text);
  const raw = ascii
    ? text
    : "\xfe\xff" +
      Array.from(Buffer.from(text, "utf16le").swap16())
        .map((byte) => String.fromCharCode(byte))
        .join("");
  return raw.replace(/[\\()\r\n]/g, (char) => ({ "\\": "\\\\", "(": "\\(", ")": "\\)", "\r": "\\r", "\n": "\\n" })[char]!);
}

/** Adds an invisible signature field (on the last page) with room for the signature. */
export function addSealPlaceholder(pdf: PDFDocument, input: { reason: string; name: string; signingTime: Date }): void {
  const pages = pdf.getPages();
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    pdfPage: pages[pages.length - 1]!,
    reason: pdfTextLiteral(input.reason),
    name: pdfTextLiteral(input.name),
    contactInfo: "",
    location: "",
    signingTime: input.signingTime,
    signatureLength: SIGNATURE_LENGTH,
  });
}

/** Fills the placeholder with a detached PKCS#7 (SHA-256) signature over the rest of the file. */
export async function signPlaceholder(bytes: Uint8Array, certificate: SigningCertificate, signingTime: Date): Promise<Buffer> {
  const signer = new P12Signer(certificate.p12, { passphrase: certificate.passphrase });
  return new SignPdf().sign(Buffer.from(bytes), signer, signingTime);
}
