import type { FilterQuery } from "@mikro-orm/postgresql";
import { type Caller, type EntityManager, findPage, NotFoundError, type PageArgs, sql, ValidationError } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { isUuid } from "../shared/ids.js";
import { actorOf } from "./actor.js";
import { Document, type DocumentState } from "./document.entity.js";
import { DocumentStateError } from "./document.errors.js";
import { withLockedDocument } from "./document-store.js";
import { validateDocumentFields, type DocumentFields } from "./document.validation.js";

export interface DocumentFilter extends PageArgs {
  status?: DocumentState | null;
  /** Documents where this contact is a recipient. */
  contactId?: string | null;
  /** Case-insensitive, in the title. */
  search?: string | null;
}

export const NO_MATCH = "00000000-0000-0000-0000-000000000000";

/** Staff: the business's documents, newest first. */
export async function listDocuments(em: EntityManager, businessId: string, filter: DocumentFilter) {
  const where: FilterQuery<Document>[] = [];
  if (filter.status) where.push({ status: filter.status });
  if (filter.contactId) {
    const contactId = isUuid(filter.contactId) ? filter.contactId : NO_MATCH;
    const rows = await sql<{ document_id: string }>(
      em,
      `select distinct document_id from "documents"."recipient" where business_id = ? and contact_id = ?`,
      [businessId, contactId],
    );
    where.push({ id: { $in: rows.map((row) => row.document_id) } });
  }
  const search = filter.search?.trim();
  if (search) where.push({ title: { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
  return findPage<Document>(em, Document, (where.length ? { $and: where } : {}) as FilterQuery<Document>, "createdAt", filter, "desc");
}

export async function createDocument(
  em: EntityManager,
  caller: Caller,
  businessId: string,
  input: DocumentFields,
): Promise<Document | ValidationError> {
  const fields = validateDocumentFields(input);
  if (fields instanceof ValidationError) return fields;
  const actor = await actorOf(em, caller);
  return em.transactional(async (tx) => {
    const now = new Date();
    const document = Object.assign(new Document(), { businessId, ...fields, createdAt: now, updatedAt: now });
    tx.persist(document);
    await tx.flush(); // the id comes from the database
    appendAudit(tx, document, "CREATED", actor, { details: { title: document.title }, at: now });
    await tx.flush();
    await announceDocumentChanged(tx, document, [], "UPDATED");
    return document;
  });
}

const draftOnly = (document: Document, what: string) =>
  document.status === "draft" ? null : DocumentStateError.of(document.status, `This document was already sent; ${what} only a draft`);

/** Only drafts change: once sent, recipients may have read and signed what it says. */
export async function updateDocument(em: EntityManager, id: string, input: DocumentFields) {
  const fields = validateDocumentFields(input);
  if (fields instanceof ValidationError) return fields;
  return withLockedDocument(em, id, async ({ document, recipients, tx }) => {
    const refused = draftOnly(document, "you can edit");
    if (refused) return refused;
    Object.assign(document, fields, { updatedAt: new Date() });
    await announceDocumentChanged(tx, document, recipients, "UPDATED");
    return document;
  });
}

/** Drafts only; their recipients, fields and audit trail go with them (the database refuses the rest). */
export async function deleteDocument(em: EntityManager, id: string): Promise<{ deletedId: string } | NotFoundError | DocumentStateError> {
  return withLockedDocument(em, id, async ({ document, tx }) => {
    const refused = draftOnly(document, "you can delete");
    if (refused) return refused;
    await sql(tx, `delete from "documents"."document" where id = ?`, [document.id]);
    tx.getUnitOfWork().unsetIdentity(document);
    return { deletedId: document.id };
  });
}

export { draftOnly };
