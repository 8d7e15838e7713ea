import { PDFArray, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { PdfRejectedError, inspectPdf } from "../src/pdf/index.js";
import { makeSourcePdf } from "./pdf-fixtures.js";

async function rejection(bytes: Uint8Array): Promise<PdfRejectedError> {
  const error = await inspectPdf(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PdfRejectedError);
  return error as PdfRejectedError;
}

describe("inspectPdf", () => {
  it("reports every page as displayed, honouring /Rotate", async () => {
    const result = await inspectPdf(await makeSourcePdf());
    expect(result).toEqual({
      pageCount: 2,
      pages: [
        { number: 1, width: 595.28, height: 841.89 },
        { number: 2, width: 792, height: 612 },
      ],
    });
  });

  it("uses the visible (crop) box when the page has one", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([612, 792]).setCropBox(36, 36, 540, 720);
    expect((await inspectPdf(await pdf.save())).pages).toEqual([{ number: 1, width: 540, height: 720 }]);
  });

  it("rejects a text file and an empty file", async () => {
    expect((await rejection(Buffer.from("Dear client,\nplease sign the attached contract.\n"))).message).toBe("The file is not a PDF.");
    expect((await rejection(new Uint8Array())).message).toBe("The file is empty.");
  });

  it("rejects a truncated PDF", async () => {
    const whole = await makeSourcePdf();
    const error = await rejection(whole.slice(0, Math.floor(whole.length * 0.6)));
    expect(error.message).toMatch(/incomplete or damaged/);
  });

  it("rejects a PDF whose objects are garbage even though it ends properly", async () => {
    const bytes = Buffer.concat([
      Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n"),
      Buffer.from("trailer\n<< /Root 1 0 R >>\n%%EOF\n"),
    ]);
    expect((await rejection(bytes)).message).toMatch(/damaged|no pages/);
  });

  it("rejects an encrypted PDF", async () => {
    // The trailer's /Encrypt dictionary is what makes a PDF encrypted for every reader; the
    // file is built directly because no encryption tool is available to the tests.
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText("Secret");
    pdf.context.trailerInfo.Encrypt = pdf.context.register(
      pdf.context.obj({ Filter: "Standard", V: 2, R: 3, Length: 128, P: -3904, O: "0".repeat(32), U: "0".repeat(32) }),
    );
    const error = await rejection(await pdf.save({ useObjectStreams: false }));
    expect(error.message).toMatch(/password-protected or encrypted/);
  });

  it("rejects a PDF without pages", async () => {
    const pdf = await PDFDocument.create();
    expect((await rejection(await pdf.save({ addDefaultPage: false }))).message).toBe("The PDF has no pages.");
  });

  it("rejects a page tree that contains itself instead of looping", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const treeRef = pdf.catalog.get(PDFName.of("Pages"))!;
    pdf.catalog.Pages().lookup(PDFName.of("Kids"), PDFArray).push(treeRef);
    expect((await rejection(await pdf.save({ useObjectStreams: false }))).message).toMatch(/damaged/);
  });
});
