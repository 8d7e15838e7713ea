import type { Recipient } from "./identity-events.js";

/**
 * Payloads of the documents events this subgraph consumes (docs/architecture.md, "Documents").
 * Declared here rather than imported: subgraphs share contracts, not code. `link` is the absolute
 * URL to open (the portal's or the admin console's document page); `reference` is `document:<id>`.
 */
export const DOCUMENTS_EVENTS = {
  signatureRequested: "documents.signature.requested",
  documentCompleted: "documents.document.completed",
  documentDeclined: "documents.document.declined",
} as const;

/** One recipient's turn to sign or approve began, or a reminder for it. */
export interface SignatureRequested {
  documentId: string;
  title: string;
  message?: string | null;
  senderName: string;
  reminder: boolean;
  recipientId: string;
  contactId?: string | null;
  staffId?: string | null;
  recipient: Recipient;
  link: string;
  reference?: string;
}

/** Everyone signed: every party (recipients incl. copies, and the sender) gets the sealed PDF. */
export interface DocumentCompleted {
  documentId: string;
  title: string;
  finalSha256: string;
  parties: { recipientId?: string | null; contactId?: string | null; staffId?: string | null; recipient: Recipient; link: string }[];
  reference?: string;
}

/** A signer or approver declined: the staff in `notify` hear why. */
export interface DocumentDeclined {
  documentId: string;
  title: string;
  declinedBy: { name: string; email: string };
  reason: string;
  notify: { staffId: string; recipient: Recipient; link: string }[];
  reference?: string;
}
