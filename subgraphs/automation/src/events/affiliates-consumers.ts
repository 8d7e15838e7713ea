import { affiliates } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import { requestAffiliateEmail, undeliveredAffiliateEmails } from "../affiliates/affiliate-email.service.js";
import type { DeliverySettings } from "../delivery/enqueue-email.js";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

/**
 * Affiliate emails: a new referral, an approved commission, a payout sent, each to the affiliate. A
 * handler that throws (the business isn't known here yet) rolls back and pg-boss retries with
 * backoff; an event that never succeeds is logged FAILED for the affiliate.
 */
export async function consumeAffiliatesEvents(deps: SubgraphDeps, settings: DeliverySettings): Promise<void> {
  const subscriptions = [
    [affiliates.referralCreated, NotificationTemplateKey.AFFILIATE_NEW_REFERRAL],
    [affiliates.commissionApproved, NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED],
    [affiliates.payoutSent, NotificationTemplateKey.AFFILIATE_PAYOUT_SENT],
  ] as const;
  for (const [contract, key] of subscriptions) {
    await consume(deps, AUTOMATION_CONSUMER, contract, (event, em) => requestAffiliateEmail(em, settings, event, key), {
      async onDeadLetter(event, letter, em) {
        if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(key)]);
        recordUndeliveredEmails(em, letter, undeliveredAffiliateEmails(key, event.payload));
      },
    });
  }
}
