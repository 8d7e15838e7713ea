import { consumeEvents, type SubgraphDeps } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { withLockedDocument } from "../documents/document-store.js";
import { CONSUMER, SCHEMA } from "../profiles/profile-consumers.js";

/** `automation.email.finished` (docs/architecture.md): how an email about a document ended. */
export const EMAIL_FINISHED = "automation.email.finished";

export interface EmailFinished {
  reference: string;
  template: string;
  recipientEmail: string;
  status: "SENT" | "SUPPRESSED" | "FAILED";
  reason: string | null;
}

const REFERENCE = /^document:([0-9a-f-]{36})$/i;

/** Appends EMAILED (template, recipient, status) to the trail of the document the email was about. */
export async function consumeEmailOutcomes({ boss, orm }: SubgraphDeps): Promise<void> {
  await consumeEvents<EmailFinished>(boss, orm, SCHEMA, CONSUMER, EMAIL_FINISHED, async (event, em) => {
    const id = REFERENCE.exec(event.payload.reference ?? "")?.[1];
    if (!id || !event.businessId) return; // another producer's email
    const { template, recipientEmail, status, reason } = event.payload;
    await withLockedDocument(em, id, async ({ document, tx }) => {
      appendAudit(tx, document, "EMAILED", { kind: "system", id: null, name: "Email delivery", ip: null, userAgent: null }, {
        details: { template, recipient: recipientEmail, status, ...(reason ? { reason } : {}) },
      });
    });
  });
}
