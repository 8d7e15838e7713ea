import { automation } from "@portal/contracts";
import { consume, type ConsumerOf, type SubgraphDeps } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { withLockedDocument } from "../documents/document-store.js";

/**
 * Documents' consumer of email outcomes. Named `documents` as before, so its pg-boss queue and the
 * events it already handled stay its own.
 */
export const EMAIL_OUTCOMES_CONSUMER: ConsumerOf = { schema: "documents", name: "documents" };

const REFERENCE = /^document:([0-9a-f-]{36})$/i;

/** Appends EMAILED (template, recipient, status) to the trail of the document the email was about. */
export async function consumeEmailOutcomes(deps: SubgraphDeps): Promise<void> {
  await consume(deps, EMAIL_OUTCOMES_CONSUMER, automation.emailFinished, async (event, em) => {
    const id = REFERENCE.exec(event.payload.reference)?.[1];
    if (!id || !event.businessId) return; // another producer's email
    const { template, recipientEmail, status, reason } = event.payload;
    await withLockedDocument(em, id, async ({ document, tx }) => {
      appendAudit(
        tx,
        document,
        "EMAILED",
        { kind: "system", id: null, name: "Email delivery", ip: null, userAgent: null },
        {
          details: { template, recipient: recipientEmail, status, ...(reason ? { reason } : {}) },
        },
      );
    });
  });
}
