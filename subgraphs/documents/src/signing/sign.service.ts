import { NotFoundError, ValidationError, type Caller, type EntityManager } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { actorOf } from "../documents/actor.js";
import { DocumentStateError } from "../documents/document.errors.js";
import { fieldsOf, withLockedDocument } from "../documents/document-store.js";
import { startTurns } from "../lifecycle/turn-requests.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { completeDocument, type Sealer } from "./completion.js";
import { CONSENT } from "./consent.js";
import { actingRecipient } from "./recipient-turn.js";
import { SignatureRecord } from "./signature.entity.js";
import { cleanFieldValues, cleanSignature, consentProblem, initialsOf, type SignInput } from "./signature-input.js";
import { stillToAct } from "./turns.js";

/** The date a DATE_SIGNED field shows: the signing day, UTC, as YYYY-MM-DD. */
export const signingDate = (at: Date) => at.toISOString().slice(0, 10);

/**
 * A SIGNER signs (or an APPROVER approves) on their turn. The document row stays locked until
 * commit, so when the last two act at once one completes the document and the other finds it done.
 */
export async function signDocument(em: EntityManager, caller: Caller, input: SignInput, sealer: Sealer) {
  const consent = consentProblem(input);
  if (consent) return consent;
  const signature = input.signature ? await cleanSignature(input.signature) : null;
  if (signature instanceof ValidationError) return signature;
  return withLockedDocument(em, input.documentId, async ({ document, recipients, tx }) => {
    const now = new Date();
    const recipient = await actingRecipient(tx, caller, document, recipients, now);
    if (recipient instanceof NotFoundError || recipient instanceof DocumentStateError) return recipient;
    const signer = recipient.role === "signer";
    if (signer && !signature) return ValidationError.of("signature", "Sign by drawing or typing your name");
    const mine = (await fieldsOf(tx, document.id)).filter((field) => field.recipientId === recipient.id);
    const values = cleanFieldValues(input.fieldValues, mine);
    if (values instanceof ValidationError) return values;
    const initials = (input.initials ?? "").trim() || initialsOf(recipient.name);
    if ([...initials].length > 10) return ValidationError.of("initials", "At most 10 characters");

    for (const field of mine) {
      if (field.kind === "text") field.value = values.get(field.id) ?? null;
      if (field.kind === "date_signed") field.value = signingDate(now);
      if (field.kind === "initials") field.value = initials;
      if (field.kind === "signature") field.value = signature?.typedName ?? null;
    }
    const action = signer ? "signed" : "approved";
    tx.persist(
      Object.assign(new SignatureRecord(), {
        businessId: document.businessId,
        documentId: document.id,
        recipientId: recipient.id,
        action,
        consentVersion: CONSENT.version,
        consentText: CONSENT.text,
        method: signature?.method ?? null,
        typedName: signature?.typedName ?? null,
        drawnPng: signature?.drawnPng ?? null,
        drawnPngSha256: signature?.drawnPngSha256 ?? null,
        initials: mine.some((field) => field.kind === "initials") ? initials : null,
        ip: caller.ip,
        userAgent: caller.userAgent,
        signedAt: now,
      }),
    );
    Object.assign(recipient, { status: action, signedAt: now, signatureMethod: signature?.method ?? null });
    document.updatedAt = now;

    const actor = await actorOf(tx, caller, recipient);
    appendAudit(tx, document, "CONSENTED", actor, { recipientId: recipient.id, at: now, details: { consentVersion: CONSENT.version } });
    appendAudit(tx, document, signer ? "SIGNED" : "APPROVED", actor, {
      recipientId: recipient.id,
      at: now,
      details: {
        method: signature?.method ?? null,
        typedName: signature?.typedName ?? null,
        drawnPngSha256: signature?.drawnPngSha256 ?? null,
        fields: mine.length,
      },
    });

    if (stillToAct(recipients).length === 0) {
      await completeDocument(tx, document, recipients, sealer, now);
      return document;
    }
    document.status = "partially_signed";
    await startTurns(tx, document, recipients, now);
    await announceDocumentChanged(tx, document, recipients, signer ? "SIGNED" : "APPROVED", recipient.id);
    return document;
  });
}
