/**
 * Turns a business's branding logo (its `logoUrl`) into image bytes a PDF library can embed, or null.
 * Billing's invoices and courses' certificates draw it. Only inline
 * `data:` PNG/JPEG is accepted: rendering must never reach out to the network (slow, and a
 * server-side fetch of a tenant-supplied URL is an SSRF risk), and the PDF library has no SVG.
 */

const DATA_URI = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/i;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

export function decodeInlineLogo(logoUrl: string | null | undefined): Buffer | null {
  const match = logoUrl ? DATA_URI.exec(logoUrl.trim()) : null;
  if (!match) return null;
  const bytes = Buffer.from(match[2], "base64");
  // The declared type can lie; check the bytes so a bad upload is skipped instead of failing the PDF.
  const isPng = match[1].toLowerCase() === "png";
  return startsWith(bytes, isPng ? PNG_SIGNATURE : JPEG_SIGNATURE) ? bytes : null;
}
