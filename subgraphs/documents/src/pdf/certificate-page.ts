import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { printable, type DocumentFonts } from "./fonts.js";
import { wrapText } from "./text-layout.js";

/** One recipient as the certificate reports them. `verification` says how they were identified. */
export interface CertificateRecipient {
  name: string;
  email: string;
  role: "SIGNER" | "APPROVER" | "CC";
  verification: string;
  status: string;
  viewedAt: Date | null;
  signedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  signatureMethod: "DRAWN" | "TYPED" | null;
  consentVersion: string | null;
}

/** One audit trail entry; `hash` is the entry's chain hash (hex). */
export interface CertificateAuditEntry {
  sequence: number;
  action: string;
  actorName: string;
  occurredAt: Date;
  ip: string | null;
  userAgent: string | null;
  hash: string;
}

export interface CertificateContent {
  documentId: string;
  title: string;
  businessName: string;
  completedAt: Date;
  documentPageCount: number;
  originalSha256: string;
  stampedSha256: string;
  sealedBy: string;
  recipients: CertificateRecipient[];
  audit: CertificateAuditEntry[];
}

const PAGE: [number, number] = [595.28, 841.89]; // A4
const MARGIN_X = 50;
const MARGIN_TOP = 56;
const MARGIN_BOTTOM = 64;
const CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X;
const LABEL_WIDTH = 150;
const HASH_PREFIX = 16;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.42, 0.47);
const RULE = rgb(0.82, 0.83, 0.86);
const NONE = "—";

/** "2026-03-01 14:05:09 UTC": certificates are read anywhere, so times are always in UTC. */
export function formatUtc(date: Date | null, withZone = true): string {
  if (!date || Number.isNaN(date.getTime())) return NONE;
  const text = date.toISOString().replace("T", " ").slice(0, 19);
  return withZone ? `${text} UTC` : text;
}

/** "NOT_REQUIRED" → "Not required". */
function humanize(value: string): string {
  const words = value.trim().toLowerCase().replace(/_+/g, " ");
  return words ? words[0]!.toUpperCase() + words.slice(1) : NONE;
}

const ROLE_NAMES: Record<CertificateRecipient["role"], string> = {
  SIGNER: "Signer",
  APPROVER: "Approver",
  CC: "Receives a copy (CC)",
};

const METHOD_NAMES: Record<"DRAWN" | "TYPED", string> = { DRAWN: "Drawn", TYPED: "Typed name" };

function orNone(value: string | null | undefined): string {
  const text = value === null || value === undefined ? "" : printable(value).trim();
  return text || NONE;
}

interface Fonts {
  sans: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** A text cursor over certificate pages that starts a new page when the next block does not fit. */
class CertificateWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  /** Redrawn at the top of a new page (the audit table's column headings). */
  private onNewPage: (() => void) | null = null;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.pdf.addPage(PAGE);
    this.pages.push(this.page);
    this.y = PAGE[1] - MARGIN_TOP;
    if (this.pages.length > 1) {
      this.line("Signing certificate (continued)", MARGIN_X, 9, this.fonts.bold, MUTED);
      this.y -= 16;
      this.onNewPage?.();
    }
  }

  /** Starts a new page unless `height` points fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  repeatOnNewPage(draw: (() => void) | null): void {
    this.onNewPage = draw;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** One line whose top is at the cursor; the cursor does not move. */
  line(text: string, x: number, size: number, font: PDFFont, color = INK, top = this.y): void {
    if (text) this.page.drawText(text, { x, y: top - size, size, font, color });
  }

  paragraph(text: string, size: number, font: PDFFont, color = INK, width = CONTENT_WIDTH): void {
    const leading = size * 1.4;
    for (const line of wrapText(printable(text), font, size, width)) {
      this.ensure(leading);
      this.line(line, MARGIN_X, size, font, color);
      this.y -= leading;
    }
  }

  rule(color = RULE): void {
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: MARGIN_X + CONTENT_WIDTH, y: this.y },
      thickness: 0.5,
      color,
    });
  }

  heading(text: string): void {
    this.ensure(60);
    this.gap(10);
    this.line(text, MARGIN_X, 12, this.fonts.bold);
    this.y -= 18;
    this.rule(MUTED);
    this.y -= 8;
  }

  /** Height of label/value rows, to keep a recipient's block on one page. */
  rowsHeight(rows: Array<[string, string, PDFFont?]>, size: number): number {
    return rows.reduce((sum, [, value, font]) => sum + this.rowLines(value, font ?? this.fonts.sans, size).length * size * 1.4, 0);
  }

  private rowLines(value: string, font: PDFFont, size: number): string[] {
    return wrapText(printable(value), font, size, CONTENT_WIDTH - LABEL_WIDTH);
  }

  row(label: string, value: string, size = 9, valueFont: PDFFont = this.fonts.sans): void {
    const leading = size * 1.4;
    const lines = this.rowLines(value, valueFont, size);
    this.ensure(leading * Math.min(lines.length, 3));
    this.line(label, MARGIN_X, size, this.fonts.sans, MUTED);
    for (const line of lines) {
      this.ensure(leading);
      this.line(line, MARGIN_X + LABEL_WIDTH, size, valueFont);
      this.y -= leading;
    }
  }

  /** A table row: every cell wraps in its column; the tallest cell sets the row height. */
  tableRow(columns: TableColumn[], cells: string[], size: number, header = false): void {
    const leading = size * 1.35;
    const wrapped = columns.map((column, index) =>
      wrapText(printable(cells[index] ?? ""), header ? this.fonts.bold : this.columnFont(column), size, column.width - 6),
    );
    const height = Math.max(...wrapped.map((lines) => lines.length)) * leading + 5;
    this.ensure(height);
    let x = MARGIN_X;
    columns.forEach((column, index) => {
      const font = header ? this.fonts.bold : this.columnFont(column);
      wrapped[index]!.forEach((line, lineIndex) => {
        this.line(line, x, size, font, header ? MUTED : INK, this.y - 2.5 - lineIndex * leading);
      });
      x += column.width;
    });
    this.y -= height;
    this.rule();
  }

  private columnFont(column: TableColumn): PDFFont {
    return column.mono ? this.fonts.mono : this.fonts.sans;
  }

  /** "Signing certificate · <id>" and "Page i of n" at the foot of every certificate page. */
  footers(documentId: string): void {
    const size = 7.5;
    this.pages.forEach((page, index) => {
      const right = `Page ${index + 1} of ${this.pages.length}`;
      page.drawText(`Signing certificate · ${documentId}`, { x: MARGIN_X, y: 36, size, font: this.fonts.sans, color: MUTED });
      page.drawText(right, {
        x: MARGIN_X + CONTENT_WIDTH - this.fonts.sans.widthOfTextAtSize(right, size),
        y: 36,
        size,
        font: this.fonts.sans,
        color: MUTED,
      });
    });
  }
}

interface TableColumn {
  title: string;
  width: number;
  mono?: boolean;
}

const AUDIT_COLUMNS: TableColumn[] = [
  { title: "#", width: 26 },
  { title: "Time (UTC)", width: 92 },
  { title: "Action", width: 66 },
  { title: "Actor", width: 138 },
  { title: "IP address", width: 86 },
  { title: "Hash", width: CONTENT_WIDTH - 26 - 92 - 66 - 138 - 86, mono: true },
];

function drawDocumentSection(writer: CertificateWriter, content: CertificateContent): void {
  const { mono } = writer.fonts;
  writer.heading("Document");
  writer.row("Title", orNone(content.title));
  writer.row("Document ID", content.documentId, 8.5, mono);
  writer.row("Business", orNone(content.businessName));
  writer.row("Completed", formatUtc(content.completedAt));
  const pages = content.documentPageCount === 1 ? "1 page" : `${content.documentPageCount} pages`;
  writer.row("Signed pages", `${pages}, followed by this certificate`);
  writer.row("SHA-256 of the original PDF", content.originalSha256, 8.5, mono);
  writer.row("SHA-256 of the stamped content", content.stampedSha256, 8.5, mono);
  writer.row("Digital seal", `PKCS#7 detached signature (SHA-256) by ${content.sealedBy}`);
}

function drawRecipient(writer: CertificateWriter, recipient: CertificateRecipient): void {
  const { sans, bold, mono } = writer.fonts;
  const acted = recipient.role === "APPROVER" ? "Approved" : "Signed";
  const rows: Array<[string, string, PDFFont?]> = [
    ["Role", ROLE_NAMES[recipient.role] ?? humanize(recipient.role)],
    ["Status", humanize(recipient.status)],
    ["Verification", orNone(recipient.verification)],
    ["Viewed", formatUtc(recipient.viewedAt)],
    [acted, formatUtc(recipient.signedAt)],
    ["Signature", recipient.signatureMethod ? METHOD_NAMES[recipient.signatureMethod] : NONE],
    ["Consent version", orNone(recipient.consentVersion)],
    ["IP address", orNone(recipient.ip), mono],
    ["User agent", orNone(recipient.userAgent)],
  ];
  const nameSize = 10.5;
  writer.ensure(nameSize * 1.5 + writer.rowsHeight(rows, 9) + 12);
  writer.gap(6);
  writer.paragraph(orNone(recipient.name), nameSize, bold);
  writer.paragraph(orNone(recipient.email), 9, sans, MUTED);
  writer.gap(2);
  for (const [label, value, font] of rows) writer.row(label, value, 9, font ?? sans);
  writer.gap(4);
}

function drawAuditTrail(writer: CertificateWriter, audit: CertificateAuditEntry[]): void {
  writer.heading("Audit trail");
  writer.paragraph(
    `Entries are chained: each hash is the SHA-256 of the previous hash and the entry, so removing or altering one breaks the chain. The first ${HASH_PREFIX} characters are shown.`,
    8,
    writer.fonts.sans,
    MUTED,
  );
  writer.gap(4);
  const header = () =>
    writer.tableRow(
      AUDIT_COLUMNS,
      AUDIT_COLUMNS.map((column) => column.title),
      7.5,
      true,
    );
  writer.ensure(60);
  header();
  writer.repeatOnNewPage(header);
  const sorted = [...audit].sort((a, b) => a.sequence - b.sequence);
  for (const entry of sorted) {
    writer.tableRow(
      AUDIT_COLUMNS,
      [
        String(entry.sequence),
        formatUtc(entry.occurredAt, false),
        humanize(entry.action),
        orNone(entry.actorName),
        orNone(entry.ip),
        entry.hash.slice(0, HASH_PREFIX),
      ],
      7.5,
    );
  }
  if (sorted.length === 0) writer.paragraph("No entries.", 8, writer.fonts.sans, MUTED);
  writer.repeatOnNewPage(null);
}

/**
 * Appends the signing certificate: document details with both fingerprints, every recipient, and
 * the audit trail, over as many A4 pages as needed. Returns the number of pages added.
 */
export async function appendCertificatePages(pdf: PDFDocument, content: CertificateContent, fonts: DocumentFonts): Promise<number> {
  const writer = new CertificateWriter(pdf, {
    sans: await fonts.get("sans"),
    bold: await fonts.get("bold"),
    mono: await fonts.get("mono"),
  });
  writer.line("Signing certificate", MARGIN_X, 20, writer.fonts.bold);
  writer.gap(32);
  writer.paragraph(
    `"${orNone(content.title)}" was signed electronically with ${orNone(content.businessName)} in its client portal. ` +
      "This certificate records the parties, how each was verified and when they acted, and fingerprints of the document. " +
      "The whole file is digitally sealed, so any later change to it is detectable.",
    9,
    writer.fonts.sans,
    MUTED,
  );
  drawDocumentSection(writer, content);
  writer.heading("Recipients");
  for (const recipient of content.recipients) drawRecipient(writer, recipient);
  drawAuditTrail(writer, content.audit);
  writer.footers(content.documentId);
  return writer.pages.length;
}
