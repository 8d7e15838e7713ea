import { communities } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import { COMMUNITY_TEMPLATE_OF, requestCommunityEmail } from "../communities/community-email.service.js";
import type { DeliverySettings } from "../delivery/enqueue-email.js";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

/** Community notification emails (replies, mentions, activity); one that never succeeds is logged FAILED. */
export async function consumeCommunitiesEvents(deps: SubgraphDeps, settings: DeliverySettings): Promise<void> {
  await consume(deps, AUTOMATION_CONSUMER, communities.notificationRequested, (event, em) => requestCommunityEmail(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(NotificationTemplateKey.COMMUNITY_REPLY)]);
      const { recipient, kind, groupName, reference } = event.payload;
      recordUndeliveredEmails(em, letter, [
        { recipient: recipient.email, template: COMMUNITY_TEMPLATE_OF[kind], subject: groupName, reference },
      ]);
    },
  });
}
