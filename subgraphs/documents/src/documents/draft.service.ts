import {
  CURRENT_STAFF,
  findRefs,
  KNOWN_CONTACTS,
  ValidationError,
  type EntityManager,
  type KnownContact,
  type KnownStaff,
  type Refs,
} from "@portal/kit";
import { announceDocumentChanged } from "../live/document-live.js";
import { draftOnly } from "./document.service.js";
import { withLockedDocument } from "./document-store.js";
import { DocumentFieldRow, type FieldKindValue } from "./field.entity.js";
import { Recipient, type RecipientRoleValue } from "./recipient.entity.js";
import { validateFields, validateRecipients, type FieldEntry, type RecipientEntry } from "./draft.validation.js";

/**
 * Replaces a draft's recipients. A person already on the draft keeps their recipient id (and their
 * fields while they stay a SIGNER); fields of dropped recipients go with them.
 */
export async function setRecipients(em: EntityManager, documentId: string, entries: RecipientEntry[]) {
  const invalid = validateRecipients(entries);
  if (invalid) return invalid;
  return withLockedDocument(em, documentId, async ({ document, recipients, tx }) => {
    const refused = draftOnly(document, "recipients can be changed on");
    if (refused) return refused;
    const people = await findRefs(tx, recipientRefs(entries));
    if (people instanceof ValidationError) return people;
    const current: Recipient[] = [];
    for (const [position, entry] of entries.entries()) {
      const person = (entry.contactId ? people[`recipients.${position}.contactId`] : people[`recipients.${position}.staffId`]) as
        | KnownContact
        | KnownStaff;
      const role = entry.role.toLowerCase() as RecipientRoleValue;
      let recipient = recipients.find((r) => (entry.contactId ? r.contactId === entry.contactId : r.staffId === entry.staffId));
      if (!recipient) {
        recipient = Object.assign(new Recipient(), {
          businessId: document.businessId,
          documentId: document.id,
          kind: entry.contactId ? "contact" : "staff",
          contactId: entry.contactId ?? null,
          staffId: entry.staffId ?? null,
        });
        tx.persist(recipient);
      }
      current.push(recipient);
      if (recipient.role && recipient.role !== role && role !== "signer")
        await tx.nativeDelete(DocumentFieldRow, { recipientId: recipient.id });
      Object.assign(recipient, {
        role,
        order: entry.order,
        position,
        name: person.name,
        email: person.email,
        status: role === "cc" ? "not_required" : "pending",
      });
    }
    for (const dropped of recipients.filter((r) => !current.includes(r))) tx.remove(dropped); // its fields cascade
    document.updatedAt = new Date();
    await announceDocumentChanged(tx, document, current, "UPDATED");
    return document;
  });
}

/** Each recipient's person, named by input field, to be found in the caller's business. */
function recipientRefs(entries: RecipientEntry[]): Refs {
  return Object.fromEntries(
    entries.map((entry, position) =>
      entry.contactId
        ? [`recipients.${position}.contactId`, [KNOWN_CONTACTS, entry.contactId]]
        : [`recipients.${position}.staffId`, [CURRENT_STAFF, entry.staffId]],
    ),
  );
}

/** Replaces a draft's fields; each belongs to a SIGNER and lies on a page of the uploaded PDF. */
export async function setFields(em: EntityManager, documentId: string, entries: FieldEntry[]) {
  return withLockedDocument(em, documentId, async ({ document, recipients, tx }) => {
    const refused = draftOnly(document, "fields can be placed on");
    if (refused) return refused;
    const invalid = validateFields(entries, recipients, document.pageCount);
    if (invalid) return invalid;
    await tx.nativeDelete(DocumentFieldRow, { documentId: document.id });
    for (const [position, entry] of entries.entries()) {
      tx.persist(
        Object.assign(new DocumentFieldRow(), {
          businessId: document.businessId,
          documentId: document.id,
          recipientId: entry.recipientId,
          kind: entry.kind.toLowerCase() as FieldKindValue,
          page: entry.page,
          x: entry.x,
          y: entry.y,
          width: entry.width,
          height: entry.height,
          label: entry.label?.trim() || null,
          required: entry.required ?? true,
          position,
        }),
      );
    }
    document.updatedAt = new Date();
    await announceDocumentChanged(tx, document, recipients, "UPDATED");
    return document;
  });
}

/** After a new PDF with fewer pages, fields beyond its last page go. */
export async function dropFieldsBeyond(tx: EntityManager, documentId: string, pageCount: number): Promise<void> {
  await tx.nativeDelete(DocumentFieldRow, { documentId, page: { $gt: pageCount } });
}
