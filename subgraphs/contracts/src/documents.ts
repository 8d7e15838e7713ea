import { z } from "zod";
import { defineEvent } from "./contract.js";
import { id, link, Recipient, reference } from "./shared.js";

/** Who a document event is about: one of its recipients, or the sender (no recipient id). */
const party = {
  recipientId: id.nullable(),
  contactId: id.nullable(),
  staffId: id.nullable(),
};

export const documentSent = defineEvent({
  name: "documents.document.sent",
  producer: "documents",
  version: 1,
  description: "Staff sent a document for signature: identity invites its contact recipients unless staff said not to.",
  payload: z.object({
    documentId: id,
    title: z.string(),
    /** Every contact recipient (signers, approvers and copies). */
    contactIds: z.array(id),
    /** Staff's "invite to the portal" choice; absent means yes. */
    inviteToPortal: z.boolean().optional(),
    reference,
  }),
});

export const signatureRequested = defineEvent({
  name: "documents.signature.requested",
  producer: "documents",
  version: 1,
  description: "One recipient's turn to sign or approve began, or a reminder for it: automation emails them.",
  payload: z.object({
    documentId: id,
    title: z.string(),
    message: z.string().nullable().optional(),
    senderName: z.string(),
    reminder: z.boolean(),
    ...party,
    recipient: Recipient,
    link,
    reference,
  }),
});

export const documentCompleted = defineEvent({
  name: "documents.document.completed",
  producer: "documents",
  version: 1,
  description: "Everyone signed: every party (recipients including copies, and the sender) gets the sealed PDF.",
  payload: z.object({
    documentId: id,
    title: z.string(),
    finalSha256: z.string().regex(/^[0-9a-f]{64}$/),
    parties: z.array(z.object({ ...party, recipient: Recipient, link })),
    reference,
  }),
});

export const documentDeclined = defineEvent({
  name: "documents.document.declined",
  producer: "documents",
  version: 1,
  description: "A signer or approver declined: the staff in `notify` hear why.",
  payload: z.object({
    documentId: id,
    title: z.string(),
    declinedBy: z.object({ name: z.string(), email: z.string() }),
    reason: z.string(),
    notify: z.array(z.object({ staffId: id, recipient: Recipient, link })),
    reference,
  }),
});
