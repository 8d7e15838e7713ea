import { communities } from "@portal/contracts";
import { consume, type ConsumerOf, type SubgraphDeps } from "@portal/kit";
import { addMembers } from "../members/member.service.js";

/** Communities' consumer of other subgraphs' events: its processed markers live in its own schema. */
export const COMMUNITIES_CONSUMER: ConsumerOf = { schema: "communities", name: "communities" };

/**
 * "Add contact to group" from another section's workflow (purchase → add to community). The event's
 * business scopes everything: a group or contact of another business is not found and nothing
 * happens; a contact identity has not told us about yet is retried until its snapshot arrives.
 */
export async function consumeAddMemberRequests(deps: SubgraphDeps): Promise<void> {
  await consume(deps, COMMUNITIES_CONSUMER, communities.memberAddRequested, async (event, em) => {
    if (!event.businessId) return;
    const outcome = await addMembers(em, event.payload.groupId, [event.payload.contactId], event.payload.inviteToPortal !== false);
    if ("added" in outcome) return;
    if (outcome.message.startsWith("No such contact")) throw new Error(`Contact ${event.payload.contactId} is not known yet`);
    console.warn(`[communities] ignored ${event.type} for group ${event.payload.groupId}: ${outcome.message}`);
  });
}
