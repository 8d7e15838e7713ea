import { ValidationError } from "@portal/kit";
import type { SigningOrderValue } from "./document.entity.js";

/** What staff write on a new or draft document. */
export interface DocumentFields {
  title: string;
  message?: string | null;
  signingOrder?: string | null;
  expiresAt?: Date | null;
  reminderIntervalDays?: number | null;
}

export interface CleanDocumentFields {
  title: string;
  message: string;
  signingOrder: SigningOrderValue;
  expiresAt: Date | null;
  reminderIntervalDays: number | null;
}

/** The cleaned fields, or the first problem naming its input field. */
export function validateDocumentFields(input: DocumentFields, now = new Date()): CleanDocumentFields | ValidationError {
  const title = input.title.trim();
  if (!title) return ValidationError.of("title", "Give the document a title");
  if (title.length > 200) return ValidationError.of("title", "At most 200 characters");
  const message = (input.message ?? "").trim();
  if (message.length > 5000) return ValidationError.of("message", "At most 5000 characters");
  if (input.expiresAt && (Number.isNaN(input.expiresAt.getTime()) || input.expiresAt <= now)) {
    return ValidationError.of("expiresAt", "The expiry must be in the future");
  }
  const days = input.reminderIntervalDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 365)) {
    return ValidationError.of("reminderIntervalDays", "Remind every 1 to 365 days, or not at all");
  }
  return {
    title,
    message,
    signingOrder: input.signingOrder === "PARALLEL" ? "parallel" : "sequential",
    expiresAt: input.expiresAt ?? null,
    reminderIntervalDays: days,
  };
}
