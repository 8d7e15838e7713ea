import { identity } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import { requestLinkEmail, type DeliverySettings } from "../delivery/link-email.service.js";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

/** Identity's requests for one-time-link emails, each to its template and what the log calls it. */
const LINK_EMAILS = [
  [identity.contactInvited, NotificationTemplateKey.INVITATION, "Invitation to the portal"],
  [identity.signInRequested, NotificationTemplateKey.SIGN_IN, "Sign-in link"],
  [identity.emailChangeRequested, NotificationTemplateKey.EMAIL_CHANGE, "Email address confirmation"],
] as const;

/**
 * Invitation, sign-in and email-change emails: logged and queued in the consumer's transaction. One
 * whose event never succeeds is logged FAILED when the event becomes a dead letter.
 */
export async function consumeLinkEmailRequests(deps: SubgraphDeps, delivery: DeliverySettings): Promise<void> {
  for (const [contract, template, subject] of LINK_EMAILS)
    await consume(deps, AUTOMATION_CONSUMER, contract, (event, em) => requestLinkEmail(em, delivery, event, template), {
      async onDeadLetter(event, letter, em) {
        const email = event ? { recipient: event.payload.recipient.email, template, subject } : unreadableEvent(template);
        recordUndeliveredEmails(em, letter, [email]);
      },
    });
}
