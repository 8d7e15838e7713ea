import { createHash } from "node:crypto";
import { ValidationError } from "@portal/kit";
import type { DocumentFieldRow } from "../documents/field.entity.js";
import { PdfRejectedError, validateSignaturePng } from "../pdf/index.js";
import { CONSENT } from "./consent.js";

export interface SignInput {
  documentId: string;
  consentVersion: string;
  consentAccepted: boolean;
  signature?: { method: string; typedName?: string | null; drawnPng?: string | null } | null;
  initials?: string | null;
  fieldValues?: { fieldId: string; value: string }[] | null;
}

export interface CleanSignature {
  method: "drawn" | "typed";
  typedName: string | null;
  drawnPng: Buffer | null;
  drawnPngSha256: string | null;
}

const MAX_PNG_BYTES = 60 * 1024;

export function consentProblem(input: SignInput): ValidationError | null {
  if (input.consentAccepted !== true) return ValidationError.of("consentAccepted", "Accept the electronic signature consent to sign");
  if (input.consentVersion !== CONSENT.version)
    return ValidationError.of("consentVersion", "The consent text has changed; read and accept the current one");
  return null;
}

/** The signature as given, or the first problem (`signature.typedName`, `signature.drawnPng`). */
export async function cleanSignature(signature: NonNullable<SignInput["signature"]>): Promise<CleanSignature | ValidationError> {
  if (signature.method === "TYPED") {
    const typedName = (signature.typedName ?? "").trim().replace(/\s+/g, " ");
    if (!typedName) return ValidationError.of("signature.typedName", "Type your name to sign");
    if (typedName.length > 100) return ValidationError.of("signature.typedName", "At most 100 characters");
    return { method: "typed", typedName, drawnPng: null, drawnPngSha256: null };
  }
  const base64 = (signature.drawnPng ?? "").trim().replace(/^data:image\/png;base64,/i, "");
  if (!base64) return ValidationError.of("signature.drawnPng", "Draw your signature");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
    return ValidationError.of("signature.drawnPng", "The drawn signature must be a base64 PNG image");
  const png = Buffer.from(base64, "base64");
  if (png.length > MAX_PNG_BYTES) return ValidationError.of("signature.drawnPng", "The drawn signature is too large (at most 60 kB)");
  try {
    await validateSignaturePng(png);
  } catch (error) {
    if (error instanceof PdfRejectedError) return ValidationError.of("signature.drawnPng", error.message);
    throw error;
  }
  return { method: "drawn", typedName: null, drawnPng: png, drawnPngSha256: createHash("sha256").update(png).digest("hex") };
}

/** "Ada Lovelace" → "AL". */
export function initialsOf(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? "")
    .join("")
    .toUpperCase();
  return [...letters].slice(0, 4).join("") || "X";
}

/**
 * Values for the signer's own TEXT fields: unknown or foreign fields, values over 500 characters and
 * missing required values are refused (`fieldValues.0.fieldId`, `fieldValues.0.value`, or
 * `fieldValues.<fieldId>` for a required field left empty).
 */
export function cleanFieldValues(values: SignInput["fieldValues"], mine: DocumentFieldRow[]): Map<string, string> | ValidationError {
  const result = new Map<string, string>();
  for (const [index, entry] of (values ?? []).entries()) {
    const field = mine.find((f) => f.id === entry.fieldId);
    if (!field || field.kind !== "text") return ValidationError.of(`fieldValues.${index}.fieldId`, "Not one of your text fields");
    const value = entry.value.trim();
    if (value.length > 500) return ValidationError.of(`fieldValues.${index}.value`, "At most 500 characters");
    if (value) result.set(field.id, value);
  }
  for (const field of mine) {
    if (field.kind === "text" && field.required && !result.has(field.id)) {
      return ValidationError.of(`fieldValues.${field.id}`, `Fill in “${field.label ?? "the text field"}”`);
    }
  }
  return result;
}
