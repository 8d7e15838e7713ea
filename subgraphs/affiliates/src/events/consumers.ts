import { affiliates, billing, identity } from "@portal/contracts";
import { consume, type ConsumerOf, type SubgraphDeps, sql } from "@portal/kit";
import { makeAffiliate } from "../affiliates/affiliate.service.js";
import { recordConversion, recordRefund } from "../commissions/conversion.service.js";
import { referByCode } from "../referrals/referral.service.js";

/** Affiliates' consumer of other subgraphs' events: its processed markers live in its own schema. */
export const AFFILIATES_CONSUMER: ConsumerOf = { schema: "affiliates", name: "affiliates" };

/**
 * The events affiliates acts on. Each is handled once per event (the kit's marker), and each
 * handler is safe against a second event about the same thing (unique keys), so money is right
 * whatever the delivery. A contact identity has not told us about yet is retried.
 */
export async function startConsumers(deps: SubgraphDeps): Promise<void> {
  await consume(deps, AFFILIATES_CONSUMER, affiliates.affiliateRequested, async (event, em) => {
    if (!event.businessId) return;
    const { contactId, inviteToPortal } = event.payload;
    // Known as another business's contact: nothing to do. Not known at all: identity's event is still on its way.
    const [known] = await sql<{ business_id: string }>(em, `select business_id from affiliates.known_contact where contact_id = ?`, [
      contactId,
    ]);
    if (known && known.business_id !== event.businessId) return;
    const outcome = await makeAffiliate(em, event.businessId, contactId, inviteToPortal);
    if ("field" in outcome) throw new Error(`Contact ${contactId} is not known yet`);
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
  await consume(deps, AFFILIATES_CONSUMER, billing.invoiceRefunded, async (event, em) => {
    if (!event.businessId) return;
    await recordRefund(em, event.businessId, { invoiceId: event.payload.invoiceId, amountRefunded: event.payload.amountRefunded });
  });
}
