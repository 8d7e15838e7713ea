import { type EntityManager, findPage, type PageArgs, preparedStatement, runPrepared, sql } from "@portal/kit";
import { Document } from "../documents/document.entity.js";

export type ContactList = "PENDING_SIGNATURE" | "PARTIALLY_SIGNED" | "SIGNED";

/** Which of the contact's recipient rows put a document in each list (documents never drafts). */
const CONDITIONS: Record<ContactList, string> = {
  PENDING_SIGNATURE: `d.status in ('sent', 'partially_signed') and r.role <> 'cc' and r.status = 'pending'`,
  PARTIALLY_SIGNED: `d.status in ('sent', 'partially_signed') and (r.role = 'cc' or r.status in ('signed', 'approved'))`,
  SIGNED: `d.status = 'completed'`,
};

/** One of the contact's lists, newest sent first. */
export async function contactDocuments(em: EntityManager, businessId: string, contactId: string, list: ContactList, args: PageArgs) {
  const rows = await sql<{ id: string }>(
    em,
    `select d.id from "documents"."document" d join "documents"."recipient" r on r.document_id = d.id
     where d.business_id = ? and r.contact_id = ? and ${CONDITIONS[list]}`,
    [businessId, contactId],
  );
  return findPage(em, Document, { id: { $in: rows.map((row) => row.id) } }, "sentAt", args, "desc");
}

const DOCUMENT_SUMMARY = preparedStatement(
  "documents_summary",
  `with mine as (
       select d.id, d.status, d.signing_order, r.id as recipient_id, r.role, r.status as recipient_status, r.signing_order as recipient_order
       from "documents"."document" d join "documents"."recipient" r on r.document_id = d.id
       where d.business_id = $1 and r.contact_id = $2 and d.status <> 'draft')
     select exists (select 1 from mine) as any_documents,
       (select count(*) from mine m where m.status in ('sent', 'partially_signed') and m.role <> 'cc' and m.recipient_status = 'pending'
          and (m.signing_order = 'parallel' or m.recipient_order = (
            select min(o.signing_order) from "documents"."recipient" o
            where o.document_id = m.id and o.role <> 'cc' and o.status = 'pending'))) as waiting`,
);

/** Dashboard card in one statement: any sent document at all, and how many wait for this contact now. */
export async function documentSummary(
  em: EntityManager,
  businessId: string,
  contactId: string,
): Promise<{ hasDocuments: boolean; waitingForSignature: number }> {
  const [row] = await runPrepared<{ any_documents: boolean; waiting: string }>(em, DOCUMENT_SUMMARY, [businessId, contactId]);
  return { hasDocuments: Boolean(row?.any_documents), waitingForSignature: Number(row?.waiting ?? 0) };
}
