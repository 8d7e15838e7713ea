import { UserError } from "@portal/kit";
import type { DocumentStatus } from "./enums.js";

/** The document's status does not allow this (e.g. editing after sending, signing twice or out of turn). */
export class DocumentStateError extends UserError {
  status!: DocumentStatus;
  static of(status: string, message: string): DocumentStateError {
    return Object.assign(new DocumentStateError(), { status: status.toUpperCase() as DocumentStatus, message });
  }
}
