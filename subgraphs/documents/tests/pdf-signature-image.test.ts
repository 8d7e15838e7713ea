import { describe, expect, it } from "vitest";
import { PdfRejectedError, validateSignaturePng } from "../src/pdf/index.js";
import { makePng } from "./pdf-fixtures.js";

async function rejection(bytes: Uint8Array): Promise<string> {
  const error = await validateSignaturePng(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PdfRejectedError);
  return (error as Error).message;
}

describe("validateSignaturePng", () => {
  it("accepts a drawn signature and reports its size", async () => {
    expect(await validateSignaturePng(makePng(600, 200))).toEqual({ width: 600, height: 200 });
  });

  it("refuses other formats, corrupted and truncated PNGs", async () => {
    const png = Buffer.from(makePng(120, 40));
    expect(await rejection(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]))).toBe(
      "The drawn signature is not a valid PNG image.",
    );
    const corrupted = Buffer.from(png);
    corrupted.fill(7, 41, 60); // inside the compressed image data
    expect(await rejection(corrupted)).toBe("The drawn signature is not a valid PNG image.");
    expect(await rejection(png.subarray(0, png.length - 30))).toBe("The drawn signature is not a valid PNG image.");
  });

  it("refuses images too large to be a signature before decoding them", async () => {
    const huge = Buffer.from(makePng(10, 10));
    huge.writeUInt32BE(20_000, 16); // the header's width
    expect(await rejection(huge)).toMatch(/too large/);
  });
});
