import { type ActionOutcome, affiliates, billing, identity } from "@portal/contracts";
import { consume, type ConsumerOf, publish, type SubgraphDeps, sql } from "@portal/kit";
import { makeAffiliate } from "../affiliates/affiliate.service.js";
import { recordConversion, recordRefund } from "../commissions/conversion.service.js";
import { referByCode, referByOrder } from "../referrals/referral.service.js";

/** Affiliates' consumer of other subgraphs' events: its processed markers live in its own schema. */
export const AFFILIATES_CONSUMER: ConsumerOf = { schema: "affiliates", name: "affiliates" };

/**
 * The events affiliates acts on. Each is handled once per event (the kit's marker), and each
 * handler is safe against a second event about the same thing (unique keys), so money is right
 * whatever the delivery. A contact identity has not told us about yet is retried.
 */
export async function startConsumers(deps: SubgraphDeps): Promise<void> {
  // "Make affiliate" from a workflow: a request with a `source` (the workflow's step) is answered with
  // `affiliates.workflow_action.finished` in the same transaction, so the run goes on.
  await consume(deps, AFFILIATES_CONSUMER, affiliates.affiliateRequested, async (event, em) => {
    const businessId = event.businessId;
    if (!businessId) return;
    const { contactId, inviteToPortal, source } = event.payload;
    const answer = (status: ActionOutcome["status"], reason: string | null) => {
      if (source) publish(em, affiliates.workflowActionFinished, businessId, { source, status, reason });
    };
    // Known as another business's contact: nothing to do. Not known at all: identity's event is still on its way.
    const [known] = await sql<{ business_id: string }>(em, `select business_id from affiliates.known_contact where contact_id = ?`, [
      contactId,
    ]);
    if (known && known.business_id !== businessId) return answer("FAILED", "No such contact in this business");
    const [before] = await sql<{ status: string }>(em, `select status from affiliates.affiliate where business_id = ? and contact_id = ?`, [
      businessId,
      contactId,
    ]);
    const outcome = await makeAffiliate(em, businessId, contactId, inviteToPortal);
    if ("field" in outcome) throw new Error(`Contact ${contactId} is not known yet`);
    answer(before?.status === "ACTIVE" ? "SKIPPED" : "DONE", before?.status === "ACTIVE" ? "Already an affiliate" : null);
  });
  await consume(deps, AFFILIATES_CONSUMER, identity.contactReferred, async (event, em) => {
    if (!event.businessId) return;
    const { contactId, referralCode, occurredAt } = event.payload;
    await referByCode(em, event.businessId, contactId, referralCode, new Date(occurredAt));
  });
  await consume(deps, AFFILIATES_CONSUMER, billing.invoicePaid, async (event, em) => {
    if (!event.businessId) return;
    const { invoiceId, contactId, currency, amountPaid, paidAt } = event.payload;
    await recordConversion(em, event.businessId, { invoiceId, contactId, currency, amountPaid, paidAt: new Date(paidAt) });
  });
  // An order form's purchase: the referral code that came with it credits its link's affiliate (unless
  // the buyer was referred before), then the order is a conversion like a paid invoice, keyed by its id.
  await consume(deps, AFFILIATES_CONSUMER, billing.orderPaid, async (event, em) => {
    if (!event.businessId) return;
    const { orderId, contactId, currency, amountPaid, paidAt, referralCode } = event.payload;
    if (referralCode) await referByOrder(em, event.businessId, contactId, referralCode, new Date(paidAt));
    await recordConversion(em, event.businessId, { invoiceId: orderId, contactId, currency, amountPaid, paidAt: new Date(paidAt) });
  });
  await consume(deps, AFFILIATES_CONSUMER, billing.invoiceRefunded, async (event, em) => {
    if (!event.businessId) return;
    await recordRefund(em, event.businessId, { invoiceId: event.payload.invoiceId, amountRefunded: event.payload.amountRefunded });
  });
}
