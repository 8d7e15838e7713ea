import { isStaffReader } from "@portal/kit";
import type { Caller, EntityManager } from "@portal/kit";
import { isParty, partyOf, type Party } from "../shared/access.js";
import type { Document } from "./document.entity.js";
import { findDocument, recipientsOf } from "./document-store.js";
import { toDocumentView, toDocumentViews } from "./document-views.js";
import type { DocumentView } from "./document.types.js";

export interface Readable {
  document: Document;
  audience: "staff" | "party";
  party: Party | null;
}

/**
 * Who may read a document: staff (or a READ API key) of its business, or one of its recipients
 * once it was sent. Everyone else gets null, as if it did not exist.
 */
export async function readableDocument(em: EntityManager, caller: Caller, id: string): Promise<Readable | null> {
  if (!caller.businessId) return null;
  const document = await findDocument(em, id);
  if (!document) return null;
  const party = partyOf(caller);
  if (isStaffReader(caller)) return { document, audience: "staff", party };
  if (!party || document.status === "draft") return null;
  const recipients = await recipientsOf(em, document.id);
  return recipients.some((recipient) => isParty(recipient, party)) ? { document, audience: "party", party } : null;
}

export async function readableView(em: EntityManager, caller: Caller, id: string): Promise<DocumentView | null> {
  const readable = await readableDocument(em, caller, id);
  return readable ? toDocumentView(em, readable.document, readable.audience, readable.party) : null;
}

/** The view for the caller of a document they just changed (staff, or the acting recipient). */
export function viewFor(em: EntityManager, caller: Caller, document: Document): Promise<DocumentView> {
  return toDocumentView(em, document, isStaffReader(caller) ? "staff" : "party", partyOf(caller));
}

export function viewsFor(em: EntityManager, caller: Caller, documents: Document[]): Promise<DocumentView[]> {
  return toDocumentViews(em, documents, isStaffReader(caller) ? "staff" : "party", partyOf(caller));
}
